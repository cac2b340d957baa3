// libxml2 headers for Swift. Debian builds libxml2 with ICU, whose headers clash with Foundation's own copy of
// ICU; Rasd uses no ICU-specific libxml2 API, so the ICU part of the headers is switched off.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
