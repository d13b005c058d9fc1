// Umbrella header for Debian's libcmark-gfm and its GFM core extensions (table, strikethrough,
// autolink, tagfilter, tasklist). Only QuireMarkdown imports this module.
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
