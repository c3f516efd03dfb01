#include "layout/fonts.hpp"

#include <fontconfig/fontconfig.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <mutex>
#include <set>

#include "io/files.hpp"
#include "layout/font_bytes.hpp"

namespace protopub::layout {

char32_t next_multibyte_code_point(std::string_view s, std::size_t& i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char c = byte(i);
    int len = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
    if (len == 0 || i + len > s.size()) {
        ++i;
        return 0xFFFD;
    }
    char32_t cp = c & (0x7F >> len);
    for (int k = 1; k < len; ++k) cp = (cp << 6) | (byte(i + k) & 0x3F);
    i += len;
    return cp;
}

// ---------------------------------------------------------------- TrueType tables

namespace {

struct Tables {
    std::size_t head = 0, hhea = 0, hmtx = 0, cmap = 0, os2 = 0, kern = 0, kern_length = 0;
};

bool find_tables(const FontBytes& r, Tables& t, std::string& error) {
    if (!r.ok(0, 12)) {
        error = "too short to be a TrueType font";
        return false;
    }
    const auto version = r.u32(0);
    if (version != 0x00010000 && version != 0x74727565) {
        error = "not a TrueType font (OpenType CFF and collections cannot be embedded)";
        return false;
    }
    const int count = r.u16(4);
    if (!r.ok(12, std::size_t(count) * 16)) {
        error = "truncated table directory";
        return false;
    }
    for (int k = 0; k < count; ++k) {
        const std::size_t rec = 12 + std::size_t(k) * 16;
        const std::string_view tag = r.data.substr(rec, 4);
        const std::size_t offset = r.u32(rec + 8), length = r.u32(rec + 12);
        if (!r.ok(offset, length)) {
            error = "table '" + std::string(tag) + "' lies outside the file";
            return false;
        }
        if (tag == "head")
            t.head = offset;
        else if (tag == "hhea")
            t.hhea = offset;
        else if (tag == "hmtx")
            t.hmtx = offset;
        else if (tag == "cmap")
            t.cmap = offset;
        else if (tag == "OS/2")
            t.os2 = offset;
        else if (tag == "kern")
            t.kern = offset, t.kern_length = length;
    }
    if (!t.head || !t.hhea || !t.hmtx || !t.cmap) {
        error = "missing head, hhea, hmtx or cmap table";
        return false;
    }
    return true;
}

// Calls visit(code point, glyph) for every mapping of the best Unicode subtable.
template <typename Visit>
bool read_cmap(const FontBytes& r, std::size_t cmap, Visit visit) {
    if (!r.ok(cmap, 4)) return false;
    const int count = r.u16(cmap + 2);
    std::size_t format4 = 0, format12 = 0;
    for (int k = 0; k < count && r.ok(cmap + 4 + k * 8, 8); ++k) {
        const std::size_t rec = cmap + 4 + std::size_t(k) * 8;
        const int platform = r.u16(rec), encoding = r.u16(rec + 2);
        const std::size_t sub = cmap + r.u32(rec + 4);
        if (!r.ok(sub, 2)) continue;
        const bool unicode = platform == 0 || (platform == 3 && (encoding == 1 || encoding == 10));
        if (!unicode) continue;
        if (r.u16(sub) == 4 && !format4) format4 = sub;
        if (r.u16(sub) == 12 && !format12) format12 = sub;
    }
    if (format12 && r.ok(format12, 16)) {
        const std::size_t groups = r.u32(format12 + 12);
        if (!r.ok(format12 + 16, groups * 12)) return false;
        for (std::size_t g = 0; g < groups; ++g) {
            const std::size_t rec = format12 + 16 + g * 12;
            const char32_t first = r.u32(rec), last = std::min<char32_t>(r.u32(rec + 4), 0x10FFFF);
            const std::uint32_t glyph = r.u32(rec + 8);
            for (char32_t c = first; c <= last && c >= first; ++c) visit(c, glyph + (c - first));
        }
        return true;
    }
    if (!format4 || !r.ok(format4, 14)) return false;
    const int segments = r.u16(format4 + 6) / 2;
    const std::size_t ends = format4 + 14, starts = ends + segments * 2 + 2, deltas = starts + segments * 2,
                      offsets = deltas + segments * 2;
    if (!r.ok(ends, std::size_t(segments) * 8 + 2)) return false;
    for (int s = 0; s < segments; ++s) {
        const char32_t end = r.u16(ends + s * 2), start = r.u16(starts + s * 2);
        const int delta = r.s16(deltas + s * 2);
        const std::size_t range_offset_at = offsets + s * 2;
        const int range_offset = r.u16(range_offset_at);
        for (char32_t c = start; c <= end && c != 0xFFFF; ++c) {
            std::uint32_t glyph;
            if (range_offset == 0) {
                glyph = (c + delta) & 0xFFFF;
            } else {
                const std::size_t at = range_offset_at + range_offset + (c - start) * 2;
                if (!r.ok(at, 2)) break;
                glyph = r.u16(at);
                if (glyph) glyph = (glyph + delta) & 0xFFFF;
            }
            if (glyph) visit(c, glyph);
        }
    }
    return true;
}

}  // namespace

std::optional<FontMetrics> FontMetrics::parse(std::string_view ttf, std::string& error) {
    const FontBytes r{ttf};
    Tables t;
    if (!find_tables(r, t, error)) return std::nullopt;
    if (!r.ok(t.head, 54) || !r.ok(t.hhea, 36)) {
        error = "truncated head or hhea table";
        return std::nullopt;
    }
    const double units = r.u16(t.head + 18);
    if (units <= 0) {
        error = "unitsPerEm is zero";
        return std::nullopt;
    }
    const std::size_t long_metrics = r.u16(t.hhea + 34);
    if (long_metrics == 0 || !r.ok(t.hmtx, long_metrics * 4)) {
        error = "truncated hmtx table";
        return std::nullopt;
    }
    const auto scaled = [&](double v) {
        return static_cast<std::uint16_t>(std::clamp(v * 1000 / units + 0.5, 0.0, 65534.0));
    };
    std::size_t glyphs = long_metrics;
    for (std::size_t k = 12; k + 16 <= 12 + std::size_t(r.u16(4)) * 16; k += 16)
        if (r.data.substr(k, 4) == "maxp" && r.ok(r.u32(k + 8), 6))
            glyphs = std::max<std::size_t>(r.u16(r.u32(k + 8) + 4), 1);

    FontMetrics m;
    m.bmp_.assign(0x10000, 0);
    m.advances_.resize(glyphs);
    for (std::size_t g = 0; g < glyphs; ++g) m.advances_[g] = scaled(r.u16(t.hmtx + std::min(g, long_metrics - 1) * 4));
    // Typographic ascent/descent (OS/2) match what PDF viewers and other engines use.
    if (t.os2 && r.ok(t.os2, 72)) {
        m.ascent_ = r.s16(t.os2 + 68) * 1000 / units;
        m.descent_ = -r.s16(t.os2 + 70) * 1000 / units;
    } else {
        m.ascent_ = r.s16(t.hhea + 4) * 1000 / units;
        m.descent_ = -r.s16(t.hhea + 6) * 1000 / units;
    }
    const bool read = read_cmap(r, t.cmap, [&](char32_t c, std::uint32_t glyph) {
        if (glyph >= m.advances_.size()) return;
        if (c < 0x10000)
            m.bmp_[c] = static_cast<std::uint16_t>(glyph);
        else
            m.astral_[c] = static_cast<std::uint16_t>(glyph);
    });
    if (!read) {
        error = "no Unicode cmap (format 4 or 12)";
        return std::nullopt;
    }
    // Kerning: the pairs of the 'kern' table's horizontal format-0 subtables (the
    // TrueType form; GPOS kerning is not read).
    if (t.kern && r.ok(t.kern, 4) && r.u16(t.kern) == 0) {
        const int subtables = r.u16(t.kern + 2);
        std::size_t at = t.kern + 4;
        for (int k = 0; k < subtables && r.ok(at, 14); ++k) {
            const std::size_t length = r.u16(at + 2);
            const int coverage = r.u16(at + 4);
            const bool horizontal_pairs = (coverage >> 8) == 0 && (coverage & 0x1) && !(coverage & 0x6);
            const std::size_t pairs = r.u16(at + 6);
            if (horizontal_pairs && r.ok(at + 14, pairs * 6)) {
                for (std::size_t p = 0; p < pairs; ++p) {
                    const std::size_t pair = at + 14 + p * 6;
                    const std::uint16_t left = r.u16(pair), right = r.u16(pair + 2);
                    const auto value = static_cast<std::int16_t>(std::lround(r.s16(pair + 4) * 1000 / units));
                    if (value == 0 || left >= glyphs || right >= glyphs) continue;
                    m.kerning_[(std::uint32_t(left) << 16) | right] = value;
                    if (m.kerns_left_.empty()) m.kerns_left_.assign(glyphs, false);
                    m.kerns_left_[left] = true;
                }
            }
            if (length < 6) break;
            at += length;
        }
    }
    for (const auto& [pair, value] : m.kerning_) {
        const std::uint16_t left = pair >> 16, right = pair & 0xFFFF;
        if (left < dense_kerning_side && right < dense_kerning_side)
            m.dense_kerning_[left * dense_kerning_side + right] =
                static_cast<std::int16_t>(m.kerning_pair(left, right));
    }
    for (std::size_t c = 1; c < ascii_side; ++c) {
        const std::uint16_t glyph = m.glyph(static_cast<char32_t>(c));
        m.ascii_[c] = {glyph, m.glyph_advance(glyph)};
    }
    for (std::size_t left = 0; left < ascii_side; ++left)
        for (std::size_t right = 1; right < ascii_side; ++right)
            m.ascii_pair_units_[left * ascii_side + right] =
                m.ascii_[right].advance + (right == ' ' ? 0 : m.kerning(m.ascii_[left].glyph, m.ascii_[right].glyph));
    return m;
}

// ---------------------------------------------------------------- finding files

namespace {
std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}
bool is_path(const std::string& family) { return family.find('/') != std::string::npos; }
}  // namespace

std::string find_font_file(const std::string& family, bool bold, bool italic, std::string& error) {
    // fontconfig's default configuration is process-wide and not thread-safe to create.
    static std::mutex lock;
    std::lock_guard guard(lock);
    FcPattern* pattern = FcPatternCreate();
    FcPatternAddString(pattern, FC_FAMILY, reinterpret_cast<const FcChar8*>(family.c_str()));
    FcPatternAddInteger(pattern, FC_WEIGHT, bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
    FcPatternAddInteger(pattern, FC_SLANT, italic ? FC_SLANT_ITALIC : FC_SLANT_ROMAN);
    FcConfigSubstitute(nullptr, pattern, FcMatchPattern);
    FcDefaultSubstitute(pattern);
    FcResult result;
    FcPattern* match = FcFontMatch(nullptr, pattern, &result);
    std::string file;
    if (match) {
        FcChar8* found_family = nullptr;
        FcChar8* found_file = nullptr;
        // fontconfig always answers with something; only accept the family asked for.
        if (FcPatternGetString(match, FC_FAMILY, 0, &found_family) == FcResultMatch &&
            lower(reinterpret_cast<const char*>(found_family)) == lower(family) &&
            FcPatternGetString(match, FC_FILE, 0, &found_file) == FcResultMatch)
            file = reinterpret_cast<const char*>(found_file);
        FcPatternDestroy(match);
    }
    FcPatternDestroy(pattern);
    if (file.empty())
        error = "font family '" + family + "' is not installed (see fc-list)";
    else if (lower(file).ends_with(".ttf") == false) {
        error = "font '" + family + "' is not a TrueType (.ttf) file: " + file;
        file.clear();
    }
    return file;
}

std::shared_ptr<const FontSet> FontSet::load(const FontFamilies& families, const std::string& origin,
                                             model::Diagnostics& diags) {
    struct Want {
        Face face;
        const std::string* family;
        bool bold, italic;
    };
    const Want wants[face_count] = {
        {Face::body, &families.body, false, false},       {Face::body_bold, &families.body, true, false},
        {Face::body_italic, &families.body, false, true}, {Face::body_bold_italic, &families.body, true, true},
        {Face::sans, &families.sans, false, false},       {Face::sans_bold, &families.sans, true, false},
        {Face::mono, &families.mono, false, false},
    };
    auto set = std::make_shared<FontSet>();
    std::set<std::string> reported;  // a missing family fails several faces: say it once
    for (const auto& want : wants) {
        std::string error;
        const std::string path =
            is_path(*want.family) ? *want.family : find_font_file(*want.family, want.bold, want.italic, error);
        std::optional<std::string> bytes;
        if (!path.empty()) bytes = io::read_file(path, error);
        std::optional<FontMetrics> metrics;
        if (bytes) metrics = FontMetrics::parse(*bytes, error);
        if (!metrics) {
            const std::string message = path.empty() ? error : "font '" + path + "': " + error;
            if (reported.insert(message).second) diags.error(origin, {}, message);
            continue;
        }
        set->faces_[static_cast<int>(want.face)] = {path, std::move(*metrics),
                                                    std::make_shared<const std::string>(std::move(*bytes))};
    }
    if (!reported.empty()) return nullptr;
    return set;
}

long FontMetrics::units_from(std::string_view text, std::size_t start, std::size_t previous_ascii) const {
    long units = 0;
    each_glyph_from(text, start, previous_ascii, [&](char32_t, std::uint16_t, int advance, int kerning, std::size_t) {
        units += advance + kerning;
    });
    return units;
}

double FontSet::width(std::string_view text, Face f, double size) const {
    return static_cast<double>(metrics(f).units(text)) * size / 1000;
}

double FontSet::width(std::string_view text, const TextStyle& style) const {
    return width(text, style.face, style.size);
}

}  // namespace protopub::layout
