// Internal: a written PDF rewritten with its small objects (the structure tree, fonts'
// dictionaries, annotations, bookmarks) packed into one compressed object stream and
// a cross-reference stream (PDF 1.5), which libharu cannot write itself. A tagged
// document's tree is hundreds of small objects; packed, it costs a fraction.
#pragma once

#include <string>
#include <string_view>

namespace protopub::pdf::detail {

// The same document, smaller; "" when `pdf` is not laid out as libharu writes files
// (a classic cross-reference table), so the caller keeps the original.
std::string pack_objects(const std::string& pdf);

// `in` deflated as one zlib stream (/FlateDecode) into `out`; false if that fails.
bool deflated(std::string_view in, std::string& out);

}  // namespace protopub::pdf::detail
