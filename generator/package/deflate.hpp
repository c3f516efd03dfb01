// Deflate, for the two writers that compress: the .docx package's parts (raw deflate) and
// the PDF's streams (zlib-wrapped, /FlateDecode). One compressor per thread, made once, at
// libdeflate's fastest level: it deflates a whole buffer at once, in about 40% of zlib's
// time, a little smaller; level 6 made a .docx some 10% smaller for about a third of the
// CPU time of publishing Word (bench/vs_pandoc.sh docx-protocols).
#pragma once

#include <string>
#include <string_view>

namespace protopub::package {

enum class Wrapping { raw, zlib };

// `in` deflated into `out`; false if that fails (no compressor could be made).
bool deflate(std::string_view in, std::string& out, Wrapping wrapping);

}  // namespace protopub::package
