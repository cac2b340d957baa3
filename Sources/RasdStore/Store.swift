import GRDB
import RasdKit
