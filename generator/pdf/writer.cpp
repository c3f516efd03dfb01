#include "pdf/writer.hpp"

#include <hpdf.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstring>
#include <ctime>
#include <deque>
#include <memory>
#include <unordered_map>
#include <vector>

#include <hpdf_doc.h>
#include <hpdf_pages.h>
#include <hpdf_utils.h>

#include "layout/flow.hpp"
#include "model/text.hpp"
#include "pdf/font_subset.hpp"
#include "pdf/object_streams.hpp"

namespace protopub::pdf::detail {

using namespace std::string_view_literals;

namespace {

// Streams are deflated here, at the level object_streams.cpp chooses, rather than by
// libharu at zlib's default: libharu then writes the bytes as they are, and names their
// filter only for streams it deflates itself, so this names it.
HPDF_STATUS name_flate_filter(HPDF_Dict, HPDF_Stream out) {
    return HPDF_Stream_WriteStr(out, "/Filter /FlateDecode\012");
}

// A stream's bytes as libharu reads them when it saves the file: from our string, through
// a callback stream, rather than copied into a memory stream of its own a byte at a time
// (and out of it again).
struct StreamBytes {
    std::string bytes;
    std::size_t at = 0;
};

HPDF_STATUS read_stream_bytes(HPDF_Stream stream, HPDF_BYTE* into, HPDF_UINT* size) {
    auto& from = *static_cast<StreamBytes*>(stream->attr);
    const std::size_t n = std::min<std::size_t>(*size, from.bytes.size() - from.at);
    std::memcpy(into, from.bytes.data() + from.at, n);
    from.at += n;
    *size = static_cast<HPDF_UINT>(n);
    return from.at == from.bytes.size() ? HPDF_STREAM_EOF : HPDF_OK;
}

HPDF_STATUS seek_stream_bytes(HPDF_Stream stream, HPDF_INT pos, HPDF_WhenceMode mode) {
    auto& from = *static_cast<StreamBytes*>(stream->attr);
    const long base = mode == HPDF_SEEK_CUR   ? static_cast<long>(from.at)
                      : mode == HPDF_SEEK_END ? static_cast<long>(from.bytes.size())
                                              : 0;
    from.at = static_cast<std::size_t>(std::clamp(base + pos, 0L, static_cast<long>(from.bytes.size())));
    return HPDF_OK;
}

HPDF_INT32 tell_stream_bytes(HPDF_Stream stream) {
    return static_cast<HPDF_INT32>(static_cast<StreamBytes*>(stream->attr)->at);
}

HPDF_UINT32 size_of_stream_bytes(HPDF_Stream stream) {
    return static_cast<HPDF_UINT32>(static_cast<StreamBytes*>(stream->attr)->bytes.size());
}

// HPDF_SaveToStream writes the file here, a piece at a time, rather than into its memory
// stream (copied a byte at a time, into 4 KB buffers, then out of them again).
HPDF_STATUS append_to_file(HPDF_Stream stream, const HPDF_BYTE* bytes, HPDF_UINT size) {
    static_cast<std::string*>(stream->attr)->append(reinterpret_cast<const char*>(bytes), size);
    return HPDF_OK;
}

// libharu reports errors through a callback; remember the first and carry on, the
// caller turns it into a diagnostic.
struct ErrorSink {
    HPDF_STATUS code = HPDF_OK;
    HPDF_STATUS detail = 0;
};

void on_error(HPDF_STATUS code, HPDF_STATUS detail, void* data) {
    auto* sink = static_cast<ErrorSink*>(data);
    if (sink->code == HPDF_OK) {
        sink->code = code;
        sink->detail = detail;
    }
}

// libharu's objects (a long document's hundreds of thousands of small dictionaries,
// arrays, names and numbers) come out of large blocks, not a malloc each, and go with the
// blocks at once. libharu's own memory pool would do that, but hands out addresses with no
// alignment (undefined behaviour for its structs); this one aligns every object as malloc
// does. Its allocation hooks take no user data: the document's arena is the thread's.
class Arena {
public:
    void* allocate(std::size_t size) {
        constexpr std::size_t align = alignof(std::max_align_t), block = std::size_t{1} << 20;
        size = (size + align - 1) / align * align;
        if (size > block / 4) return big_.emplace_back(new std::max_align_t[size / align]).get();
        if (blocks_.empty() || used_ + size > block) {
            blocks_.emplace_back(new std::max_align_t[block / align]);
            used_ = 0;
        }
        void* at = reinterpret_cast<char*>(blocks_.back().get()) + used_;
        used_ += size;
        return at;
    }
    static thread_local Arena* current;

private:
    std::vector<std::unique_ptr<std::max_align_t[]>> blocks_, big_;
    std::size_t used_ = 0;
};
thread_local Arena* Arena::current = nullptr;

void* arena_allocate(HPDF_UINT size) { return Arena::current->allocate(size); }
void arena_free(void*) {}  // (the arena's blocks go when the document is done)

struct DocDeleter {
    void operator()(HPDF_Doc d) const { HPDF_Free(d); }
};
using Doc = std::unique_ptr<std::remove_pointer_t<HPDF_Doc>, DocDeleter>;

HPDF_Date to_pdf_date(std::int64_t epoch) {
    const std::time_t t = static_cast<std::time_t>(epoch);
    std::tm tm{};
    gmtime_r(&t, &tm);
    HPDF_Date d{};
    d.year = tm.tm_year + 1900;
    d.month = tm.tm_mon + 1;
    d.day = tm.tm_mday;
    d.hour = tm.tm_hour;
    d.minutes = tm.tm_min;
    d.seconds = tm.tm_sec;
    d.ind = 'Z';
    return d;
}

// ---------------------------------------------------------------- small writers

// k / 10^decimals (|k| below 1e15) without trailing zeros, nor a point for a whole number:
// digits written here, then appended at once.
template <int decimals>
void append_decimal(std::string& out, long long k) {
    static_assert(decimals > 0 && decimals < 16);
    constexpr long long scale = [] {
        long long s = 1;
        for (int d = 0; d < decimals; ++d) s *= 10;
        return s;
    }();
    char digits[40];
    char* end = digits;
    if (k < 0) {
        *end++ = '-';
        k = -k;
    }
    end = std::to_chars(end, digits + sizeof digits, k / scale).ptr;
    if (const long long fraction = k % scale) {
        *end++ = '.';
        // every digit (by constant divisors), then the trailing zeros taken off
        long long unit = scale;
        for (int d = 0; d < decimals; ++d) {
            unit /= 10;
            *end++ = static_cast<char>('0' + fraction / unit % 10);
        }
        while (end[-1] == '0') --end;
    }
    out.append(digits, static_cast<std::size_t>(end - digits));
}

// A number as printf's "%.2f" would write it (a hundredth of a point is finer than any
// printer), without trailing zeros. A PDF has millions of them: they are written from the
// whole number of hundredths, which for any size a page has is exact (snprintf was a tenth
// of all the work of an every-format diff, to_chars with a precision still 4%).
void append_number(std::string& out, double v) {
    const double hundredths = std::round(v * 100);
    if (!(std::fabs(hundredths) < 1e15)) {  // not on any page (or not a number): the general way
        char buffer[512];
        const double rounded = hundredths / 100;
        const char* end =
            std::to_chars(buffer, buffer + sizeof buffer, rounded == 0 ? 0.0 : rounded, std::chars_format::fixed, 2)
                .ptr;
        auto n = end - buffer;
        while (n > 0 && buffer[n - 1] == '0') --n;
        if (n > 0 && buffer[n - 1] == '.') --n;
        out.append(buffer, static_cast<std::size_t>(n));
        return;
    }
    append_decimal<2>(out, static_cast<long long>(hundredths));
}

// A number finer than append_number's hundredths, to a ten-millionth (word spacing, added
// at every space of a line), as to_chars writes the shortest form of the nearest double:
// below 1e8 that is the ten-millionths' own digits (doubles there are far closer together
// than a ten-millionth), written from the whole number of them, at a tenth of the cost.
void append_fine_number(std::string& out, double v) {
    const double units = std::round(v * 1e7);
    if (std::fabs(units) < 1e15) return append_decimal<7>(out, static_cast<long long>(units));
    char buffer[512];  // (not on any page, or not a number: the general way)
    const double rounded = units / 1e7;
    out.append(
        buffer,
        static_cast<std::size_t>(
            std::to_chars(buffer, buffer + sizeof buffer, rounded == 0 ? 0.0 : rounded, std::chars_format::fixed).ptr -
            buffer));
}

void append_hex16(std::string& out, unsigned v) {
    static const char digits[] = "0123456789ABCDEF";
    for (int shift = 12; shift >= 0; shift -= 4) out += digits[(v >> shift) & 0xF];
}

void append_integer(std::string& out, std::size_t v) {
    char digits[24];
    out.append(digits, static_cast<std::size_t>(std::to_chars(digits, digits + sizeof digits, v).ptr - digits));
}

// "12 0 R": a reference to an indirect object of libharu's, as libharu writes one.
void append_reference(std::string& out, const void* object) {
    append_integer(out, static_cast<const HPDF_Obj_Header*>(object)->obj_id & 0x00FFFFFF);
    out += " 0 R"sv;
}

// A number as libharu writes a real (HPDF_FToA: at most five decimals; it returns where
// the digits end).
void append_real(std::string& out, HPDF_REAL v) {
    char buffer[HPDF_REAL_LEN + 1];
    const char* end = HPDF_FToA(buffer, v, buffer + HPDF_REAL_LEN);
    out.append(buffer, static_cast<std::size_t>(end - buffer));
}

// Bytes as a literal string, escaped as libharu escapes a string of no encoding.
void append_literal_string(std::string& out, std::string_view bytes) {
    out += '(';
    for (const unsigned char c : bytes) {
        if (HPDF_NEEDS_ESCAPE(c)) {
            out += '\\';
            out += static_cast<char>('0' + (c >> 6));
            out += static_cast<char>('0' + ((c >> 3) & 7));
            out += static_cast<char>('0' + (c & 7));
        } else {
            out += static_cast<char>(c);
        }
    }
    out += ')';
}

// UTF-16BE with a byte-order mark: how a PDF text string holds any character.
std::string utf16_text(const std::string& utf8) {
    std::string out = "\xFE\xFF";
    const auto put = [&](unsigned unit) {
        out += static_cast<char>(unit >> 8);
        out += static_cast<char>(unit & 0xFF);
    };
    for (std::size_t i = 0; i < utf8.size();) {
        const char32_t c = layout::next_code_point(utf8, i);
        if (c < 0x10000) {
            put(c);
        } else {
            put(0xD800 + ((c - 0x10000) >> 10));
            put(0xDC00 + ((c - 0x10000) & 0x3FF));
        }
    }
    return out;
}

void append_hex_string(std::string& out, const std::string& bytes) {
    static const char digits[] = "0123456789ABCDEF";
    out += '<';
    for (unsigned char b : bytes) {
        out += digits[b >> 4];
        out += digits[b & 0xF];
    }
    out += '>';
}

// A text string (an annotation's /Contents): plain ASCII as a literal string (it is the
// same in PDFDocEncoding, at half the size), anything else as UTF-16, in hex.
void append_text_string(std::string& out, const std::string& utf8) {
    if (std::all_of(utf8.begin(), utf8.end(), [](char c) { return c >= ' ' && c < 0x7F; }))
        return append_literal_string(out, utf8);
    append_hex_string(out, utf16_text(utf8));
}

const char* role_name(layout::Role r) {
    using R = layout::Role;
    switch (r) {
        case R::document: return "Document";
        case R::h1: return "H1";
        case R::h2: return "H2";
        case R::h3: return "H3";
        case R::h4: return "H4";
        case R::h5: return "H5";
        case R::h6: return "H6";
        case R::p: return "P";
        case R::l: return "L";
        case R::li: return "LI";
        case R::lbl: return "Lbl";
        case R::lbody: return "LBody";
        case R::table: return "Table";
        case R::tr: return "TR";
        case R::th: return "TH";
        case R::td: return "TD";
        case R::link: return "Link";
        case R::toc: return "TOC";
        case R::toci: return "TOCI";
        case R::blockquote: return "BlockQuote";
        case R::caption: return "Caption";
    }
    return "Span";
}

// ---------------------------------------------------------------- fonts

// One embedded font per font file: a CIDFontType2 subset addressed by its own glyph
// ids (Identity-H), with widths and a ToUnicode map for exactly the glyphs drawn.
struct EmbeddedFont {
    std::string resource;  // "F1"
    const layout::FontMetrics* metrics = nullptr;
    const std::string* file = nullptr;
    std::vector<std::uint16_t> used;  // original glyph ids, in order of first use
    std::vector<bool> in_used;        // by original glyph id: whether `used` has it
    // By byte: whether it is a character 1 to 127 (nearly every one drawn) that has been
    // looked at already, so a character met again costs no glyph lookup (and any other byte
    // one test).
    std::array<bool, 256> ascii_seen{};
    // By original glyph id: the bytes that draw it, the subset's id as a literal string's
    // bytes (escaped), made once rather than for every character drawn. A glyph not in the
    // subset is drawn as .notdef (`not_in_subset`).
    // (eight bytes, so finding one in the table, for every character drawn, is a shift)
    struct alignas(8) Code {
        std::array<char, 4> bytes{};  // one or two code bytes, each escaped
        std::uint8_t size = 0;
        bool is_32 = false;  // the subset's id 32 (see space_is_32)
    };
    std::vector<Code> code_of;
    Code not_in_subset;
    std::unordered_map<std::uint16_t, std::u32string> text_of;  // original glyph -> characters
    // A subset of at most 256 glyphs (nearly every document) is addressed with one byte
    // a glyph, which halves the text in the content streams.
    bool one_byte = false;
    // Word spacing (Tw) widens code 32 and, in some viewers, glyph 32 instead: a one-byte
    // subset with the space as both stretches a justified line's spaces by one Tw rather
    // than a shift after every space (a fifth of the page content).
    bool space_is_32 = false;
};

// The embedded font of each face (faces of one file share one), looked up for every text drawn.
using FontOf = std::array<EmbeddedFont*, layout::face_count>;

// The CMap of a one-byte subset: code n is glyph n.
std::string one_byte_cmap() {
    return "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
           "/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> def\n"
           "/CMapName /Protopub-OneByte-Identity def\n/CMapType 1 def\n"
           "1 begincodespacerange\n<00> <FF>\nendcodespacerange\n"
           "1 begincidrange\n<00> <FF> 0\nendcidrange\n"
           "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
}

void append_code_point_utf16_hex(std::string& out, char32_t c) {
    if (c < 0x10000) {
        append_hex16(out, c);
    } else {
        append_hex16(out, 0xD800 + ((c - 0x10000) >> 10));
        append_hex16(out, 0xDC00 + ((c - 0x10000) & 0x3FF));
    }
}

std::string to_unicode_cmap(const EmbeddedFont& font, const std::vector<std::uint16_t>& glyphs) {
    std::string entries;
    int count = 0;
    std::string out =
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n";
    out += font.one_byte ? "<00> <FF>\n" : "<0000> <FFFF>\n";
    out += "endcodespacerange\n";
    const auto flush = [&] {
        if (count == 0) return;
        out += std::to_string(count) + " beginbfchar\n" + entries + "endbfchar\n";
        entries.clear();
        count = 0;
    };
    for (std::size_t id = 1; id < glyphs.size(); ++id) {
        const auto it = font.text_of.find(glyphs[id]);
        if (it == font.text_of.end()) continue;  // a component of another glyph
        entries += '<';
        if (font.one_byte) {
            static const char digits[] = "0123456789ABCDEF";
            entries += digits[(id >> 4) & 0xF];
            entries += digits[id & 0xF];
        } else {
            append_hex16(entries, static_cast<unsigned>(id));
        }
        entries += "> <";
        for (char32_t c : it->second) append_code_point_utf16_hex(entries, c);
        entries += ">\n";
        if (++count == 100) flush();
    }
    flush();
    out += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
    return out;
}

// "ABCDEF+": a subset's tag, the same for the same glyphs so the bytes are repeatable.
std::string subset_tag(const std::vector<std::uint16_t>& glyphs, const std::string& name) {
    std::uint32_t h = 2166136261u;
    for (auto g : glyphs) h = (h ^ g) * 16777619u;
    for (char c : name) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
    std::string tag;
    for (int k = 0; k < 6; ++k, h /= 26) tag += static_cast<char>('A' + h % 26);
    return tag + "+";
}

// The bytes that draw subset glyph `id` inside a literal string: raw bytes compress far
// better than hex, escaped where a string needs it.
EmbeddedFont::Code glyph_code(unsigned id, bool one_byte) {
    EmbeddedFont::Code code;
    const auto put = [&](unsigned b) {
        switch (b) {
            case '(':
            case ')':
            case '\\': code.bytes[code.size++] = '\\'; break;
            case '\r':
                code.bytes[code.size++] = '\\';
                b = 'r';
                break;
            case '\n':
                code.bytes[code.size++] = '\\';
                b = 'n';
                break;
            default: break;
        }
        code.bytes[code.size++] = static_cast<char>(b);
    };
    if (!one_byte) put(id >> 8);
    put(id & 0xFF);
    code.is_32 = id == 32;
    return code;
}

// ---------------------------------------------------------------- page content

class ContentWriter {
public:
    ContentWriter(double height, const FontOf& fonts) : height_(height), fonts_(fonts) {}

    // Returns the page's content (kept until the next page is drawn); `mark(element)` gives
    // the next MCID of this page for a structure element (and records it in the parent tree).
    template <typename Mark>
    const std::string& draw(const layout::Page& page, Mark mark) {
        out_.clear();
        out_.reserve(16384);
        // Every page starts from the default graphics state.
        font_ = nullptr;
        size_ = line_width_ = -1;
        word_space_ = 0;
        fill_ = stroke_ = {-1, -1, -1};
        // One marked-content sequence runs on across lines of the same element (the
        // lines of a paragraph), so the tree and the parent tree stay small.
        int open = none;
        const auto close = [&] {
            if (open != none) out_ += "ET\nEMC\n"sv;
            open = none;
        };
        for (const auto& placed : page.boxes) {
            const auto& box = placed.box;
            if (!box.fills.empty() || !box.rules.empty()) {
                close();
                out_ += "/Artifact BMC\n"sv;
                for (const auto& f : box.fills) fill(placed, f);
                for (const auto& r : box.rules) rule(placed, r);
                out_ += "EMC\n"sv;
            }
            for (const auto& t : box.texts) {
                if (t.element != open) {
                    close();
                    if (t.element == layout::artifact) {
                        out_ += "/Artifact BMC\n"sv;
                    } else {
                        const auto [role, mcid] = mark(t.element);
                        out_ += '/';
                        out_ += role;
                        out_ += " <</MCID "sv;
                        append_integer(out_, static_cast<std::size_t>(mcid));
                        out_ += ">> BDC\n"sv;
                    }
                    out_ += "BT\n"sv;
                    open = t.element;
                }
                text(placed, t);
            }
        }
        close();
        return out_;
    }

private:
    static constexpr int none = -2;  // no marked content open (artifact is -1)
    double flip(double y) const { return height_ - y; }

    void colour(const layout::Colour& c, bool stroke) {
        layout::Colour& current = stroke ? stroke_ : fill_;
        if (c == current) return;
        current = c;
        append_number(out_, c.r);
        out_ += ' ';
        append_number(out_, c.g);
        out_ += ' ';
        append_number(out_, c.b);
        out_ += stroke ? " RG\n"sv : " rg\n"sv;
    }

    void fill(const layout::PlacedBox& at, const layout::FillItem& f) {
        colour(f.colour, false);
        append_number(out_, at.x + f.x);
        out_ += ' ';
        append_number(out_, flip(at.y + f.y + f.height));
        out_ += ' ';
        append_number(out_, f.width);
        out_ += ' ';
        append_number(out_, f.height);
        out_ += " re f\n"sv;
    }

    void rule(const layout::PlacedBox& at, const layout::RuleItem& r) {
        colour(r.colour, true);
        if (r.thickness != line_width_) {
            line_width_ = r.thickness;
            append_number(out_, r.thickness);
            out_ += " w\n"sv;
        }
        append_number(out_, at.x + r.x1);
        out_ += ' ';
        append_number(out_, flip(at.y + r.y1));
        out_ += " m "sv;
        append_number(out_, at.x + r.x2);
        out_ += ' ';
        append_number(out_, flip(at.y + r.y2));
        out_ += " l S\n"sv;
    }

    void text(const layout::PlacedBox& at, const layout::TextItem& t) {
        const EmbeddedFont& font = *fonts_[static_cast<std::size_t>(t.style.face)];
        if (&font != font_ || t.style.size != size_) {
            font_ = &font;
            size_ = t.style.size;
            out_ += '/' + font.resource + ' ';
            append_number(out_, size_);
            out_ += " Tf\n"sv;
        }
        colour(t.style.colour, false);
        if (font.one_byte) {  // (Tw stays 0 for any other text in code 32)
            // (the width the shifts after each space gave: hundredths of a thousandth of an em)
            const double word_space =
                font.space_is_32 ? std::round(t.word_spacing * 100000 / t.style.size) * t.style.size / 100000 : 0;
            if (word_space != word_space_) {
                word_space_ = word_space;
                append_fine_number(out_, word_space);
                out_ += " Tw\n"sv;
            }
        }
        if (t.has_actual_text) {
            out_ += "/Span <</ActualText "sv;
            append_text_string(out_, t.actual_text);
            out_ += ">> BDC\n"sv;
        }
        out_ += "1 0 0 1 "sv;
        append_number(out_, at.x + t.x);
        out_ += ' ';
        append_number(out_, flip(at.y + t.baseline));
        out_ += " Tm [("sv;
        glyph_codes(font, t);
        out_ += ")] TJ\n"sv;
        if (t.has_actual_text) out_ += "EMC\n"sv;
    }

    // The codes of `t`'s glyphs, inside the TJ array's first string. They are gathered in
    // a buffer of the function's own: stored straight into out_, every byte made the
    // compiler read the font's tables again (a char store may alias anything).
    void glyph_codes(const EmbeddedFont& font, const layout::TextItem& t) {
        const layout::FontMetrics& metrics = *font.metrics;
        const std::vector<EmbeddedFont::Code>& code_of = font.code_of;
        // A justified line is one string: each space is followed by a shift that widens it,
        // unless Tw does (text()); then any other character drawn as the space (a no-break
        // space) is followed by a shift that takes Tw's back.
        const bool by_tw = font.one_byte && font.space_is_32;
        const double stretch = t.word_spacing * 1000 / t.style.size;
        char codes[512];
        constexpr std::size_t most_per_glyph = std::tuple_size_v<decltype(EmbeddedFont::Code::bytes)>;
        std::size_t used = 0;
        const auto flush = [&] {
            out_.append(codes, used);
            used = 0;
        };
        // Kerning as layout measured it: a shift between the pair.
        metrics.each_glyph(t.text, [&](char32_t c, std::uint16_t glyph, int, int kern, std::size_t end) {
            if (kern != 0) {
                flush();
                out_ += ") "sv;
                append_number(out_, -kern);
                out_ += " ("sv;
            }
            const EmbeddedFont::Code& code = glyph < code_of.size() ? code_of[glyph] : font.not_in_subset;
            if (used > sizeof codes - most_per_glyph) flush();
            std::memcpy(codes + used, code.bytes.data(), most_per_glyph);  // (only code.size of them count)
            used += code.size;
            // (only a space, or with Tw a character drawn as the space, is followed by a shift)
            if (c == ' ' ? by_tw : !by_tw || !code.is_32) return;
            const double shift = c == ' ' ? -stretch : stretch;
            if (shift != 0 && end < t.text.size()) {
                flush();
                out_ += ") "sv;
                append_number(out_, shift);
                out_ += " ("sv;
            }
        });
        flush();
    }

    double height_;
    const FontOf& fonts_;
    std::string out_;
    const EmbeddedFont* font_ = nullptr;
    double size_ = -1, line_width_ = -1, word_space_ = 0;
    layout::Colour fill_{-1, -1, -1}, stroke_{-1, -1, -1};
};

// ---------------------------------------------------------------- libharu's object layer

class Objects {
public:
    explicit Objects(HPDF_Doc pdf) : pdf_(pdf) {}
    // The empty dictionary HPDF_Dict_New makes, made here: it clears the record a byte at a
    // time (HPDF_MemSet), some 400 instructions for each of a structure tree's thousands.
    HPDF_Dict dict(bool indirect) {
        auto* d = static_cast<HPDF_Dict>(HPDF_GetMem(pdf_->mmgr, sizeof(HPDF_Dict_Rec)));
        if (!d) return d;
        std::memset(static_cast<void*>(d), 0, sizeof(HPDF_Dict_Rec));
        d->header.obj_class = HPDF_OCLASS_DICT;
        d->mmgr = pdf_->mmgr;
        d->error = pdf_->mmgr->error;
        d->filter = HPDF_STREAM_FILTER_NONE;
        // Ours have a few keys each (a structure element five at most): room for 20, libharu's
        // default, was 6 MB of a long document's.
        d->list = HPDF_List_New(pdf_->mmgr, 6);
        if (!d->list) return nullptr;  // (the record goes with the arena)
        if (indirect) HPDF_Xref_Add(pdf_->xref, d);
        return d;
    }
    // libharu grows an array a few items at a time, copying it each time (quadratic for the
    // thousands of kids of a structure element): room for the `expected` items is made once.
    HPDF_Array array(std::size_t expected = 0) {
        HPDF_Array a = HPDF_Array_New(pdf_->mmgr);
        if (a && expected > a->list->items_per_block) a->list->items_per_block = static_cast<HPDF_UINT>(expected);
        return a;
    }
    HPDF_Dict stream(std::string_view bytes, bool compress) {
        HPDF_Dict d = HPDF_DictStream_New(pdf_->mmgr, pdf_->xref);
        if (!d) return nullptr;
        fill(d, bytes, compress);
        return d;
    }
    // A stream's bytes, deflated when `compress` (left to libharu should deflating fail
    // here), held until the file is saved. Only what is held is copied: a page's content is
    // drawn into one buffer for every page.
    void fill(HPDF_Dict d, std::string_view bytes, bool compress) {
        // Deflated into a buffer kept for the next stream, and held at its own size: deflate's
        // output buffer is as large as its input (zeroed first), and held as it was, a long
        // document's pages kept megabytes of fresh memory they never used.
        const bool ours = compress && deflated(bytes, deflate_buffer_);
        d->filter = compress && !ours ? HPDF_STREAM_FILTER_FLATE_DECODE : HPDF_STREAM_FILTER_NONE;
        if (ours) d->write_fn = name_flate_filter;
        StreamBytes& held =
            held_.emplace_back(StreamBytes{std::string(ours ? std::string_view(deflate_buffer_) : bytes)});
        held_size_ += held.bytes.size();
        if (HPDF_Stream reader = HPDF_CallbackReader_New(pdf_->mmgr, read_stream_bytes, seek_stream_bytes,
                                                         tell_stream_bytes, size_of_stream_bytes, &held))
            d->stream = reader;  // (libharu's own, still empty, goes with the arena)
    }
    void ascii(HPDF_Dict d, const char* key, const std::string& value) {
        HPDF_Dict_Add(d, key, HPDF_String_New(pdf_->mmgr, value.c_str(), nullptr));
    }

    // An indirect dictionary whose keys are written as text (set_keys) rather than held as
    // libharu's objects: a tagged document's structure tree is thousands of small
    // dictionaries, and as libharu's (a name of 128 bytes for every key) they were a third
    // of a long PDF's memory and time.
    HPDF_Dict raw_dict() { return dict(true); }
    // About the size of the saved file, a little more: the streams and the raw keys held,
    // and room for libharu's own objects.
    std::size_t saved_size_bound() const { return held_size_ + raw_text_.size() + 256 * pdf_->xref->entries->count; }
    // The keys of `d` (from raw_dict), each "/Key value\n" as libharu writes them: what
    // write(out) appends to `out`.
    template <typename Write>
    void set_keys(HPDF_Dict d, Write write) {
        RawKeys& keys = raw_keys_.emplace_back(RawKeys{&raw_text_, raw_text_.size(), 0});
        write(raw_text_);
        keys.size = raw_text_.size() - keys.from;
        d->attr = &keys;
        d->write_fn = write_raw_keys;
    }

private:
    struct RawKeys {
        const std::string* text;
        std::size_t from, size;
    };
    static HPDF_STATUS write_raw_keys(HPDF_Dict d, HPDF_Stream out) {
        const auto& keys = *static_cast<const RawKeys*>(d->attr);
        return HPDF_Stream_Write(out, reinterpret_cast<const HPDF_BYTE*>(keys.text->data() + keys.from),
                                 static_cast<HPDF_UINT>(keys.size));
    }

    HPDF_Doc pdf_;
    std::deque<StreamBytes> held_;  // (a deque: the readers point into it)
    std::size_t held_size_ = 0;
    std::string deflate_buffer_;
    std::string raw_text_;          // the keys of every raw_dict, one after another
    std::deque<RawKeys> raw_keys_;  // (a deque: the dictionaries point into it)
};

std::string xml_escaped(const std::string& s) {
    std::string out;
    model::append_xml_escaped(out, s, false);
    return out;
}

// The XMP packet PDF/UA asks for: the title and the claim of conformance.
std::string xmp_metadata(const DocumentInfo& info) {
    return "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
           "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
           "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
           "xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\" "
           "xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n"
           "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" +
           xml_escaped(info.title) +
           "</rdf:li></rdf:Alt></dc:title>\n"
           "<dc:creator><rdf:Seq><rdf:li>" +
           xml_escaped(info.author) +
           "</rdf:li></rdf:Seq></dc:creator>\n"
           "<dc:language><rdf:Bag><rdf:li>" +
           xml_escaped(info.lang) +
           "</rdf:li></rdf:Bag></dc:language>\n"
           "<pdf:Producer>protopub</pdf:Producer><xmp:CreatorTool>protopub</xmp:CreatorTool>\n"
           "<pdfuaid:part>1</pdfuaid:part>\n"
           "</rdf:Description></rdf:RDF></x:xmpmeta>\n<?xpacket end=\"w\"?>";
}

// libharu refuses an array of more elements than HPDF_LIMIT_MAX_ARRAY (32767 in 2.3), and
// then the whole document.
constexpr std::size_t kMaxArray = HPDF_LIMIT_MAX_ARRAY;

// A PDF number tree of the keys 0 .. count - 1, each key's object written by
// `write_value(key, out)`: one /Nums array while it fits, else leaves of /Nums under /Kids
// nodes with their /Limits, as deep as the count needs (the parent tree of a long document
// has an entry per page and per link). `root` is the tree's dictionary, made by the caller
// (its number comes first).
template <typename WriteValue>
void number_tree(Objects& objects, HPDF_Dict root, std::size_t count, WriteValue write_value) {
    const std::size_t per_leaf = kMaxArray / 2;  // a key and a value each
    const auto nums = [&](std::string& out, std::size_t from, std::size_t to) {
        out += "/Nums [ "sv;
        for (std::size_t key = from; key < to; ++key) {
            append_integer(out, key);
            out += ' ';
            write_value(key, out);
            out += ' ';
        }
        out += "]\n"sv;
    };
    struct Node {
        HPDF_Dict dict;
        std::size_t first, last;
    };
    const auto limits = [](std::string& out, const Node& n) {
        out += "/Limits [ "sv;
        append_integer(out, n.first);
        out += ' ';
        append_integer(out, n.last);
        out += " ]\n"sv;
    };
    if (count <= per_leaf) return objects.set_keys(root, [&](std::string& out) { nums(out, 0, count); });
    std::vector<Node> level;
    for (std::size_t from = 0; from < count; from += per_leaf) {
        const std::size_t to = std::min(count, from + per_leaf);
        const Node leaf{objects.raw_dict(), from, to - 1};
        objects.set_keys(leaf.dict, [&](std::string& out) {
            nums(out, from, to);
            limits(out, leaf);
        });
        level.push_back(leaf);
    }
    const auto kids = [&](std::string& out, std::size_t from, std::size_t to) {
        out += "/Kids [ "sv;
        for (std::size_t i = from; i < to; ++i) {
            append_reference(out, level[i].dict);
            out += ' ';
        }
        out += "]\n"sv;
    };
    while (level.size() > kMaxArray) {
        std::vector<Node> up;
        for (std::size_t from = 0; from < level.size(); from += kMaxArray) {
            const std::size_t to = std::min(level.size(), from + kMaxArray);
            const Node node{objects.raw_dict(), level[from].first, level[to - 1].last};
            objects.set_keys(node.dict, [&](std::string& out) {
                kids(out, from, to);
                limits(out, node);
            });
            up.push_back(node);
        }
        level = std::move(up);
    }
    objects.set_keys(root, [&](std::string& out) { kids(out, 0, level.size()); });
}

// Where an element's content and children go in its /K, in the order a reader meets them.
struct Kid {
    enum class Kind : std::uint8_t { element, content, annotation, group };
    Kind kind;
    int index = 0;  // element index, MCID, annotation index, or group index
    int page = 0;
};
// The document as libharu saves it (a classic cross-reference table, each object on its
// own); empty, with a diagnostic, if libharu fails.
std::string saved_by_libharu(std::vector<layout::Page> pages, const layout::PageGeometry& geometry,
                             const layout::FontSet& fonts, const layout::StructureTree& structure,
                             const std::vector<OutlineEntry>& outline, const DocumentInfo& info,
                             const std::string& origin, model::Diagnostics& diags) {
    ErrorSink sink;
    Arena arena;  // (declared before the document: it outlives HPDF_Free)
    Arena::current = &arena;
    struct Restore {
        ~Restore() { Arena::current = nullptr; }
    } restore;
    Doc doc(HPDF_NewEx(on_error, arena_allocate, arena_free, 0, &sink));
    if (!doc) {
        diags.error(origin, {}, "cannot start a PDF document (out of memory)");
        return {};
    }
    HPDF_Doc pdf = doc.get();
    pdf->pdf_version = HPDF_VER_17;  // tagged PDF and PDF/UA
    HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
    HPDF_UseUTFEncodings(pdf);
    HPDF_SetCurrentEncoder(pdf, "UTF-8");
    Objects objects(pdf);
    // The cross-reference table grows 1,024 entries at a time, copied whole each time (and the
    // copies kept by the arena): a long document has some forty objects a page.
    pdf->xref->entries->items_per_block =
        std::max(pdf->xref->entries->items_per_block, static_cast<HPDF_UINT>(64 * pages.size()));

    // ------------------------------------------------ fonts: the glyphs each file draws
    std::vector<std::unique_ptr<EmbeddedFont>> embedded;
    FontOf font_of{};
    for (int f = 0; f < layout::face_count; ++f) {
        const auto face = static_cast<layout::Face>(f);
        EmbeddedFont* shared = nullptr;
        for (int other = 0; other < f; ++other)
            if (fonts.path(static_cast<layout::Face>(other)) == fonts.path(face)) shared = font_of[other];
        if (!shared) {
            embedded.push_back(std::make_unique<EmbeddedFont>());
            shared = embedded.back().get();
            shared->resource = "F" + std::to_string(embedded.size());
            shared->metrics = &fonts.metrics(face);
            shared->file = &fonts.file(face);
        }
        font_of[f] = shared;
    }
    std::unordered_map<int, std::string> link_words;  // Link element -> its words (the annotation's /Contents)
    for (const auto& page : pages)
        for (const auto& placed : page.boxes)
            for (const auto& t : placed.box.texts) {
                EmbeddedFont& font = *font_of[static_cast<std::size_t>(t.style.face)];
                for (std::size_t i = 0; i < t.text.size();) {
                    if (const auto byte = static_cast<unsigned char>(t.text[i]); font.ascii_seen[byte]) {
                        ++i;
                        continue;
                    } else if (byte != 0 && byte < 128) {
                        font.ascii_seen[byte] = true;
                    }
                    const char32_t c = layout::next_code_point(t.text, i);
                    const std::uint16_t g = font.metrics->glyph(c);
                    if (g == 0) continue;
                    // (a glyph seen already is told by a bit, not a hash lookup for every character)
                    if (g >= font.in_used.size()) font.in_used.resize(std::size_t{g} + 1);
                    if (font.in_used[g]) continue;
                    font.in_used[g] = true;
                    font.text_of.try_emplace(g, std::size_t{1}, c);
                    font.used.push_back(g);
                }
                if (t.element >= 0 && structure.elements[t.element].role == layout::Role::link) {
                    std::string& words = link_words[t.element];
                    words += (words.empty() ? "" : " ") + (t.has_actual_text ? t.actual_text : t.text);
                }
            }

    // The space takes glyph id 32 where there are that many glyphs (subset ids follow `used`,
    // after .notdef): see EmbeddedFont::space_is_32.
    for (auto& font : embedded) {
        const auto space = std::find(font->used.begin(), font->used.end(), font->metrics->glyph(' '));
        if (space == font->used.end() || font->used.size() < 32) continue;
        const std::uint16_t g = *space;
        font->used.erase(space);
        font->used.insert(font->used.begin() + 31, g);
    }
    HPDF_Dict font_resources = objects.dict(true);
    for (auto& font : embedded) {
        if (font->used.empty()) continue;
        TrueTypeSubset subset;
        std::string error;
        if (!subset_truetype(*font->file, font->used, subset, error)) {
            diags.error(origin, {}, "cannot embed the font '" + font->resource + "': " + error);
            return {};
        }
        font->one_byte = subset.glyphs.size() <= 256;
        font->not_in_subset = glyph_code(0, font->one_byte);
        font->code_of.assign(
            subset.glyphs.empty() ? 0 : std::size_t{*std::max_element(subset.glyphs.begin(), subset.glyphs.end())} + 1,
            font->not_in_subset);
        std::vector<bool> coded(font->code_of.size());
        for (std::size_t id = 0; id < subset.glyphs.size(); ++id)  // the first id of a glyph counts
            if (!coded[subset.glyphs[id]]) {
                coded[subset.glyphs[id]] = true;
                font->code_of[subset.glyphs[id]] = glyph_code(static_cast<unsigned>(id), font->one_byte);
            }
        font->space_is_32 = subset.glyphs.size() > 32 && subset.glyphs[32] == font->metrics->glyph(' ');
        const FontFacts facts = font_facts(*font->file);
        const std::string name = subset_tag(subset.glyphs, facts.postscript_name) +
                                 (facts.postscript_name.empty() ? font->resource : facts.postscript_name);

        HPDF_Dict file = objects.stream(subset.bytes, true);
        HPDF_Dict_AddNumber(file, "Length1", static_cast<HPDF_INT32>(subset.bytes.size()));
        HPDF_Dict descriptor = objects.dict(true);
        HPDF_Dict_AddName(descriptor, "Type", "FontDescriptor");
        HPDF_Dict_AddName(descriptor, "FontName", name.c_str());
        HPDF_Dict_AddNumber(descriptor, "Flags",
                            32 | (facts.fixed_pitch ? 1 : 0) | (facts.serif ? 2 : 0) |
                                (facts.italic || facts.italic_angle != 0 ? 64 : 0));
        HPDF_Array bbox = objects.array();
        for (int v : facts.bbox) HPDF_Array_AddNumber(bbox, v);
        HPDF_Dict_Add(descriptor, "FontBBox", bbox);
        HPDF_Dict_AddReal(descriptor, "ItalicAngle", static_cast<HPDF_REAL>(facts.italic_angle));
        HPDF_Dict_AddNumber(descriptor, "Ascent", facts.ascent);
        HPDF_Dict_AddNumber(descriptor, "Descent", facts.descent);
        HPDF_Dict_AddNumber(descriptor, "CapHeight", facts.cap_height);
        HPDF_Dict_AddNumber(descriptor, "StemV", 80);
        HPDF_Dict_Add(descriptor, "FontFile2", file);

        HPDF_Dict cid = objects.dict(true);
        HPDF_Dict_AddName(cid, "Type", "Font");
        HPDF_Dict_AddName(cid, "Subtype", "CIDFontType2");
        HPDF_Dict_AddName(cid, "BaseFont", name.c_str());
        HPDF_Dict system = objects.dict(false);
        objects.ascii(system, "Registry", "Adobe");
        objects.ascii(system, "Ordering", "Identity");
        HPDF_Dict_AddNumber(system, "Supplement", 0);
        HPDF_Dict_Add(cid, "CIDSystemInfo", system);
        HPDF_Dict_Add(cid, "FontDescriptor", descriptor);
        HPDF_Dict_AddName(cid, "CIDToGIDMap", "Identity");
        HPDF_Array widths = objects.array();
        HPDF_Array_AddNumber(widths, 0);
        HPDF_Array list = objects.array(subset.glyphs.size());
        for (auto g : subset.glyphs) HPDF_Array_AddNumber(list, font->metrics->glyph_advance(g));
        HPDF_Array_Add(widths, list);
        HPDF_Dict_Add(cid, "W", widths);

        HPDF_Dict type0 = objects.dict(true);
        HPDF_Dict_AddName(type0, "Type", "Font");
        HPDF_Dict_AddName(type0, "Subtype", "Type0");
        HPDF_Dict_AddName(type0, "BaseFont", name.c_str());
        if (font->one_byte) {
            HPDF_Dict cmap = objects.stream(one_byte_cmap(), true);
            HPDF_Dict_AddName(cmap, "Type", "CMap");
            HPDF_Dict_AddName(cmap, "CMapName", "Protopub-OneByte-Identity");
            HPDF_Dict cmap_system = objects.dict(false);
            objects.ascii(cmap_system, "Registry", "Adobe");
            objects.ascii(cmap_system, "Ordering", "Identity");
            HPDF_Dict_AddNumber(cmap_system, "Supplement", 0);
            HPDF_Dict_Add(cmap, "CIDSystemInfo", cmap_system);
            HPDF_Dict_Add(type0, "Encoding", cmap);
        } else {
            HPDF_Dict_AddName(type0, "Encoding", "Identity-H");
        }
        HPDF_Array descendants = objects.array();
        HPDF_Array_Add(descendants, cid);
        HPDF_Dict_Add(type0, "DescendantFonts", descendants);
        HPDF_Dict_Add(type0, "ToUnicode", objects.stream(to_unicode_cmap(*font, subset.glyphs), true));
        HPDF_Dict_Add(font_resources, font->resource.c_str(), type0);
    }

    // ------------------------------------------------ pages, marked content
    const std::size_t element_count = structure.elements.size();
    std::vector<std::vector<Kid>> kids(element_count);
    std::vector<Kid> root_kids;
    std::vector<bool> attached(element_count, false);
    // An element joins its parent when its first content is drawn: reading order is
    // drawing order, which is the source's order.
    const auto attach = [&](int e) {
        std::vector<int> chain;
        for (int at = e; at >= 0 && !attached[at]; at = structure.elements[at].parent) chain.push_back(at);
        for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
            attached[*it] = true;
            const int parent = structure.elements[*it].parent;
            (parent >= 0 ? kids[parent] : root_kids).push_back({Kid::Kind::element, *it, 0});
        }
    };
    std::vector<std::vector<int>> parent_tree(pages.size());  // per page: MCID -> element

    std::vector<HPDF_Page> pdf_pages;
    pdf_pages.reserve(pages.size());
    ContentWriter content(geometry.height, font_of);
    for (std::size_t p = 0; p < pages.size(); ++p) {
        HPDF_Page page = HPDF_AddPage(pdf);
        HPDF_Page_SetWidth(page, geometry.width);
        HPDF_Page_SetHeight(page, geometry.height);
        HPDF_Dict_AddNumber(page, "StructParents", static_cast<HPDF_INT32>(p));
        HPDF_Dict_AddName(page, "Tabs", "S");  // links in structure order
        if (HPDF_Dict resources = static_cast<HPDF_Dict>(HPDF_Dict_GetItem(page, "Resources", HPDF_OCLASS_DICT)))
            HPDF_Dict_Add(resources, "Font", font_resources);
        const std::string& bytes = content.draw(pages[p], [&](int element) {
            attach(element);
            const int mcid = static_cast<int>(parent_tree[p].size());
            parent_tree[p].push_back(element);
            kids[element].push_back({Kid::Kind::content, mcid, static_cast<int>(p)});
            return std::pair<const char*, int>{role_name(structure.elements[element].role), mcid};
        });
        objects.fill(static_cast<HPDF_PageAttr>(page->attr)->contents, bytes, true);
        pdf_pages.push_back(page);
    }

    // ------------------------------------------------ links
    const auto anchors = layout::find_anchors(pages);
    auto destination = [&](const std::string& anchor) -> HPDF_Destination {
        const auto it = anchors.find(anchor);
        if (it == anchors.end()) return nullptr;
        HPDF_Destination d = HPDF_Page_CreateDestination(pdf_pages[it->second.page]);
        HPDF_Destination_SetFitH(d, geometry.height - it->second.y + 4);
        return d;
    };
    std::vector<std::pair<HPDF_Dict, int>> annotations;  // annotation, its Link element
    for (std::size_t p = 0; p < pages.size(); ++p) {
        for (const auto& placed : pages[p].boxes) {
            for (const auto& link : placed.box.links) {
                if (link.element < 0) continue;  // no element, no annotation: every link is tagged
                const double left = placed.x + link.x, top = geometry.height - (placed.y + link.y);
                const HPDF_Rect rect{static_cast<HPDF_REAL>(left), static_cast<HPDF_REAL>(top - link.height),
                                     static_cast<HPDF_REAL>(left + link.width), static_cast<HPDF_REAL>(top)};
                const bool uri = link.target.kind == layout::LinkTarget::Kind::uri;
                const HPDF_Destination to = uri ? nullptr : destination(link.target.target);
                if (!uri && !to) continue;
                // The annotation HPDF_Page_CreateLinkAnnot (or ...URILinkAnnot) would make, with
                // no border, its structure key and its words, written as libharu writes it:
                // as libharu's objects, a thousand links were megabytes.
                HPDF_Dict annot = objects.raw_dict();
                objects.set_keys(annot, [&](std::string& out) {
                    out += "/Rect [ "sv;
                    for (const HPDF_REAL v :
                         {rect.left, std::min(rect.bottom, rect.top), rect.right, std::max(rect.bottom, rect.top)}) {
                        append_real(out, v);
                        out += ' ';
                    }
                    out += "]\n/Type /Annot\n/Subtype /Link\n"sv;
                    if (uri) {
                        out += "/A <<\n/Type /Action\n/S /URI\n/URI "sv;
                        append_literal_string(out, link.target.target);
                        out += "\n>>\n"sv;
                    } else {
                        out += "/Dest "sv;
                        append_reference(out, to);
                        out += '\n';
                    }
                    out += "/P "sv;
                    append_reference(out, pdf_pages[p]);
                    out += "\n/Border [ 0 0 0 ]\n/StructParent "sv;
                    append_integer(out, pages.size() + annotations.size());
                    out += "\n/Contents "sv;
                    const auto words = link_words.find(link.element);
                    append_text_string(out, words != link_words.end() ? words->second : link.target.target);
                    out += '\n';
                });
                auto* page_annotations =
                    static_cast<HPDF_Array>(HPDF_Dict_GetItem(pdf_pages[p], "Annots", HPDF_OCLASS_ARRAY));
                if (!page_annotations) {
                    page_annotations = objects.array();
                    HPDF_Dict_Add(pdf_pages[p], "Annots", page_annotations);
                }
                HPDF_Array_Add(page_annotations, annot);
                attach(link.element);
                kids[link.element].push_back(
                    {Kid::Kind::annotation, static_cast<int>(annotations.size()), static_cast<int>(p)});
                annotations.push_back({annot, link.element});
            }
        }
    }
    // Drawn: the layout's pages are not needed any more, and a long document's are large.
    const std::size_t page_count = pages.size();
    std::vector<layout::Page>().swap(pages);

    // ------------------------------------------------ the structure tree
    // Elements that drew nothing (an empty table cell) still take their place, after
    // the sibling made before them.
    for (std::size_t e = 0; e < element_count; ++e) {
        if (attached[e]) continue;
        const int parent = structure.elements[e].parent;
        if (parent >= 0) attach(parent);
        attached[e] = true;
        auto& list = parent >= 0 ? kids[parent] : root_kids;
        auto at = list.begin();
        for (auto it = list.begin(); it != list.end(); ++it)
            if (it->kind == Kid::Kind::element && it->index < static_cast<int>(e)) at = it + 1;
        list.insert(at, {Kid::Kind::element, static_cast<int>(e), 0});
    }
    // Thousands of small dictionaries: written as text (Objects::raw_dict), numbered in
    // the order libharu numbered them when they were its own objects.
    HPDF_Dict tree_root = objects.raw_dict();
    std::vector<HPDF_Dict> element_dicts(element_count);
    for (auto& d : element_dicts) d = objects.raw_dict();
    // An element with more kids than one array holds (the Document of a long protocol
    // holds every heading and paragraph) gets its runs of child elements wrapped in groups
    // (Div; TBody in a table) that stand in its /K in their place.
    std::vector<HPDF_Dict> group_dicts;
    std::vector<HPDF_Dict> parent_of(element_count, nullptr);  // where a grouped element's /P points
    for (std::size_t e = 0; e < element_count; ++e) {
        if (kids[e].size() <= kMaxArray) continue;
        std::vector<Kid> wrapped;
        for (std::size_t i = 0; i < kids[e].size();) {
            if (kids[e][i].kind != Kid::Kind::element) {
                wrapped.push_back(kids[e][i++]);
                continue;
            }
            HPDF_Dict group = objects.raw_dict();
            objects.set_keys(group, [&](std::string& out) {
                out += structure.elements[e].role == layout::Role::table ? "/S /TBody\n/P "sv : "/S /Div\n/P "sv;
                append_reference(out, element_dicts[e]);
                out += "\n/K [ "sv;
                for (std::size_t n = 0; i < kids[e].size() && kids[e][i].kind == Kid::Kind::element && n < kMaxArray;
                     ++i, ++n) {
                    append_reference(out, element_dicts[kids[e][i].index]);
                    out += ' ';
                    parent_of[kids[e][i].index] = group;
                }
                out += "]\n"sv;
            });
            wrapped.push_back({Kid::Kind::group, static_cast<int>(group_dicts.size()), 0});
            group_dicts.push_back(group);
        }
        kids[e] = std::move(wrapped);
    }
    for (std::size_t e = 0; e < element_count; ++e) {
        const auto& element = structure.elements[e];
        objects.set_keys(element_dicts[e], [&](std::string& out) {
            out += "/S /"sv;
            out += role_name(element.role);
            out += '\n';
            // Content on the element's own page is a bare MCID; elsewhere a marked-content reference.
            int own_page = -1;
            for (const Kid& kid : kids[e])
                if (kid.kind == Kid::Kind::content) {
                    own_page = kid.page;
                    break;
                }
            if (own_page >= 0) {
                out += "/Pg "sv;
                append_reference(out, pdf_pages[own_page]);
                out += '\n';
            }
            out += "/P "sv;
            append_reference(out, parent_of[e]          ? parent_of[e]
                                  : element.parent >= 0 ? element_dicts[element.parent]
                                                        : tree_root);
            out += '\n';
            if (element.role == layout::Role::th)
                out += element.column_header ? "/A <<\n/O /Table\n/Scope /Column\n>>\n"sv
                                             : "/A <<\n/O /Table\n/Scope /Row\n>>\n"sv;
            out += "/K [ "sv;
            for (const Kid& kid : kids[e]) {
                if (kid.kind == Kid::Kind::element || kid.kind == Kid::Kind::group) {
                    append_reference(out,
                                     kid.kind == Kid::Kind::group ? group_dicts[kid.index] : element_dicts[kid.index]);
                } else if (kid.kind == Kid::Kind::content && kid.page == own_page) {
                    append_integer(out, kid.index);
                } else {
                    out += kid.kind == Kid::Kind::content ? "<<\n/Type /MCR\n/Pg "sv : "<<\n/Type /OBJR\n/Pg "sv;
                    append_reference(out, pdf_pages[kid.page]);
                    out += kid.kind == Kid::Kind::content ? "\n/MCID "sv : "\n/Obj "sv;
                    if (kid.kind == Kid::Kind::content)
                        append_integer(out, kid.index);
                    else
                        append_reference(out, annotations[kid.index].first);
                    out += "\n>>"sv;
                }
                out += ' ';
            }
            out += "]\n"sv;
        });
    }
    HPDF_Dict parent_tree_dict = objects.raw_dict();
    // Keyed by page (the elements of its MCIDs), then by annotation (its Link element).
    number_tree(objects, parent_tree_dict, page_count + annotations.size(), [&](std::size_t key, std::string& out) {
        if (key >= page_count) return append_reference(out, element_dicts[annotations[key - page_count].second]);
        out += "[ "sv;
        for (int e : parent_tree[key]) {
            append_reference(out, element_dicts[e]);
            out += ' ';
        }
        out += ']';
    });
    objects.set_keys(tree_root, [&](std::string& out) {
        out += "/Type /StructTreeRoot\n/K [ "sv;
        for (const Kid& kid : root_kids) {
            append_reference(out, element_dicts[kid.index]);
            out += ' ';
        }
        out += "]\n/ParentTree "sv;
        append_reference(out, parent_tree_dict);
        out += "\n/ParentTreeNextKey "sv;
        append_integer(out, page_count + annotations.size());
        out += '\n';
    });

    HPDF_Dict catalog = pdf->catalog;
    HPDF_Dict_Add(catalog, "StructTreeRoot", tree_root);
    HPDF_Dict mark_info = objects.dict(false);
    HPDF_Dict_AddBoolean(mark_info, "Marked", HPDF_TRUE);
    HPDF_Dict_Add(catalog, "MarkInfo", mark_info);
    objects.ascii(catalog, "Lang", info.lang.empty() ? "en-GB" : info.lang);
    HPDF_Dict preferences = objects.dict(false);
    HPDF_Dict_AddBoolean(preferences, "DisplayDocTitle", HPDF_TRUE);
    HPDF_Dict_Add(catalog, "ViewerPreferences", preferences);
    HPDF_Dict metadata = objects.stream(xmp_metadata(info), false);
    HPDF_Dict_AddName(metadata, "Type", "Metadata");
    HPDF_Dict_AddName(metadata, "Subtype", "XML");
    HPDF_Dict_Add(catalog, "Metadata", metadata);

    // ------------------------------------------------ bookmarks, nested by level
    HPDF_Encoder utf8 = HPDF_GetEncoder(pdf, "UTF-8");
    std::vector<std::pair<int, HPDF_Outline>> open;  // level, outline: the chain of parents
    for (const auto& entry : outline) {
        HPDF_Destination d = destination(entry.anchor);
        if (!d || entry.title.empty()) continue;
        while (!open.empty() && open.back().first >= entry.level) open.pop_back();
        HPDF_Outline o =
            HPDF_CreateOutline(pdf, open.empty() ? nullptr : open.back().second, entry.title.c_str(), utf8);
        HPDF_Outline_SetDestination(o, d);
        HPDF_Outline_SetOpened(o, HPDF_FALSE);
        open.push_back({entry.level, o});
    }
    if (!outline.empty()) HPDF_SetPageMode(pdf, HPDF_PAGE_MODE_USE_OUTLINE);

    HPDF_SetInfoAttr(pdf, HPDF_INFO_TITLE, info.title.c_str());
    HPDF_SetInfoAttr(pdf, HPDF_INFO_AUTHOR, info.author.c_str());
    HPDF_SetInfoAttr(pdf, HPDF_INFO_SUBJECT, info.subject.c_str());
    HPDF_SetInfoAttr(pdf, HPDF_INFO_KEYWORDS, info.keywords.c_str());
    HPDF_SetInfoAttr(pdf, HPDF_INFO_CREATOR, "protopub");
    if (info.epoch) {
        HPDF_SetInfoDateAttr(pdf, HPDF_INFO_CREATION_DATE, to_pdf_date(*info.epoch));
        HPDF_SetInfoDateAttr(pdf, HPDF_INFO_MOD_DATE, to_pdf_date(*info.epoch));
    }

    std::string bytes;
    bytes.reserve(objects.saved_size_bound());  // (grown as it was written, its copies were fresh memory)
    if (sink.code == HPDF_OK) {
        // (HPDF_SaveToStream writes to the document's stream as it finds it, making a memory
        // stream only when there is none)
        pdf->stream = HPDF_CallbackWriter_New(pdf->mmgr, append_to_file, &bytes);
        if (pdf->stream) HPDF_SaveToStream(pdf);
    }
    if (sink.code != HPDF_OK) {
        char code[64];
        std::snprintf(code, sizeof code, "libharu error 0x%04X (detail %u)", static_cast<unsigned>(sink.code),
                      static_cast<unsigned>(sink.detail));
        diags.error(origin, {}, std::string("cannot write the PDF: ") + code);
        return {};
    }
    return bytes;
}

}  // namespace

std::string write_pdf(std::vector<layout::Page> pages, const layout::PageGeometry& geometry,
                      const layout::FontSet& fonts, const layout::StructureTree& structure,
                      const std::vector<OutlineEntry>& outline, const DocumentInfo& info, const std::string& origin,
                      model::Diagnostics& diags) {
    // Saved by a function of its own, so libharu's objects, their arena and the streams held
    // for them (a long document's megabytes) are freed before the packing makes its copies,
    // which then take that memory rather than fresh pages.
    std::string saved = saved_by_libharu(std::move(pages), geometry, fonts, structure, outline, info, origin, diags);
    if (saved.empty()) return {};
    // Packed, the structure tree and the other small objects compress; libharu's own
    // layout is kept only if the file is not as expected. (Returned by name, each is
    // moved; `packed.empty() ? saved : packed` copied the file.)
    std::string packed = pack_objects(saved);
    if (packed.empty()) return saved;
    return packed;
}

}  // namespace protopub::pdf::detail
