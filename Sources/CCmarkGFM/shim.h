#ifndef CITECHECK_CCMARKGFM_SHIM_H
#define CITECHECK_CCMARKGFM_SHIM_H
/* GitHub's CommonMark parser (cmark-gfm) with its core extensions (table, strikethrough, autolink, …).
   Only MarkupTrees imports this module; it hands the rest of citecheck a Swift value tree. */
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#endif
