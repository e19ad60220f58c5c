#ifndef CITECHECK_CLIBXML2_SHIM_H
#define CITECHECK_CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
/* Debian's libxml2 is built with ICU, and its encoding.h then includes the system ICU headers, which clash with
   Foundation's own ICU module ("UErrorCode has different definitions in different modules") in any Swift module
   that sees both. Nothing here uses the ICU members of xmlCharEncodingHandler, so hide them. */
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlerror.h>
#include <zlib.h>

/// A generic error handler that drops the message. libxml2's generic handler is variadic, which Swift cannot
/// implement, so it lives here.
static void citecheck_xml_silent_generic_error(void *context, const char *message, ...) {
    (void)context;
    (void)message;
}

/// Silences libxml2's per-thread generic and structured error channels for the calling thread, so that nothing
/// the parser reports outside a reader's own error handler reaches stderr.
static inline void citecheck_xml_silence_thread_errors(void) {
    xmlSetGenericErrorFunc(NULL, citecheck_xml_silent_generic_error);
    xmlSetStructuredErrorFunc(NULL, NULL);
}
#endif
