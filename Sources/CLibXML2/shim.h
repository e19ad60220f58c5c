#ifndef CITECHECK_CLIBXML2_SHIM_H
#define CITECHECK_CLIBXML2_SHIM_H
#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlversion.h>
#endif
