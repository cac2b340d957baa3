// Outside SwiftPM there is no generated Bundle.module; resources are found through RASD_RESOURCES.
import Foundation
extension Bundle { static var module: Bundle { Bundle.main } }
