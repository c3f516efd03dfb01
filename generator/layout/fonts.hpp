// Font metrics for measuring text. Faces are found by family name through fontconfig
// (or given as a path) and their advance widths read from the TrueType file itself, so
// measuring needs no PDF document and costs one table lookup per character.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "layout/box.hpp"
#include "model/diagnostics.hpp"

namespace protopub::layout {

// Decodes a code point of two to four bytes at `i` (next_code_point's slow path).
char32_t next_multibyte_code_point(std::string_view s, std::size_t& i);

// Decodes the UTF-8 code point at `i` and advances `i` (U+FFFD for a bad byte). Inline
// for ASCII: measuring and drawing text decode every character of a document.
inline char32_t next_code_point(std::string_view s, std::size_t& i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
        ++i;
        return c;
    }
    return next_multibyte_code_point(s, i);
}

// The metrics of one TrueType face, in thousandths of an em.
class FontMetrics {
public:
    // nullopt with `error` set when `ttf` is not a TrueType font with a Unicode cmap.
    static std::optional<FontMetrics> parse(std::string_view ttf, std::string& error);

    double advance(char32_t c) const { return glyph_advance(glyph(c)); }  // .notdef's when missing
    bool has_glyph(char32_t c) const { return glyph(c) != 0; }
    // The glyph drawing `c` (0, .notdef, when the face lacks it) and its advance.
    std::uint16_t glyph(char32_t c) const {
        if (c < 0x10000) return bmp_[c];
        const auto it = astral_.find(c);
        return it == astral_.end() ? 0 : it->second;
    }
    std::uint16_t glyph_advance(std::uint16_t glyph) const {
        return glyph < advances_.size() ? advances_[glyph] : advances_.front();
    }
    // The adjustment between two glyphs (the font's kerning pair), 0 when none or when
    // either is 0 (.notdef, or "no glyph before": a line start or a space).
    int kerning(std::uint16_t left, std::uint16_t right) const {
        if (left < dense_kerning_side && right < dense_kerning_side)
            return dense_kerning_[left * dense_kerning_side + right];
        return kerning_pair(left, right);
    }
    // The same from the pairs themselves, as the font's kern table has them (what the
    // dense table of the first glyphs is filled from; any pair beyond it is looked up here).
    int kerning_pair(std::uint16_t left, std::uint16_t right) const {
        if (left == 0 || right == 0 || left >= kerns_left_.size() || !kerns_left_[left]) return 0;
        const auto it = kerning_.find((std::uint32_t(left) << 16) | right);
        return it == kerning_.end() ? 0 : it->second;
    }
    // Pairs of glyphs below this (a Latin font's letters, digits and punctuation) are
    // looked up in a table: kerning is asked for between every two characters measured
    // or drawn, and a hash lookup for each was a tenth of laying out a long document.
    static constexpr std::size_t dense_kerning_side = 256;
    double ascent() const { return ascent_; }
    double descent() const { return descent_; }  // positive, below the baseline

    // Calls each(c, glyph, advance, kerning, end) for the characters of `text` in order: the
    // glyph drawing c, its advance, the kerning between it and the glyph before (none at the
    // start or across a space: it stretches), and where the next character starts. What is
    // measured and what is drawn both come from here.
    template <typename Each>
    void each_glyph(std::string_view text, Each each) const {
        each_glyph_from(text, 0, 0, each);
    }
    // The width of `text` (each_glyph's advances and kerning), in whole thousandths of an em.
    long units(std::string_view text) const {
        // Characters 1 to 127 (nearly every word measured is of them alone) are summed here
        // from their tables, as each_glyph would sum them; the rest from the first other
        // character on, by each_glyph_from, which goes on from the character before.
        long units = 0;  // exact, in any order
        std::size_t previous_ascii = 0;
        std::size_t i = 0;
        const std::int32_t* const pair_units = ascii_pair_units_.data();  // (read once, not for every character)
        for (; i < text.size(); ++i) {
            const auto byte = static_cast<unsigned char>(text[i]);
            if (byte == 0 || byte >= ascii_side) break;
            units += pair_units[previous_ascii * ascii_side + byte];
            previous_ascii = byte == ' ' ? 0 : byte;  // (no kerning across a space)
        }
        if (i < text.size()) units += units_from(text, i, previous_ascii);
        return units;
    }

private:
    // units() from byte `start` on, after the character `previous_ascii` (as each_glyph_from
    // takes it). Defined out of line: inlined, it made units(), which measures every word,
    // save and restore six registers a call for a tail nearly no word has.
    long units_from(std::string_view text, std::size_t start, std::size_t previous_ascii) const;

    // each_glyph from byte `start`, after the character `previous_ascii` (1 to 127, not a
    // space; 0: none, or a space).
    template <typename Each>
    void each_glyph_from(std::string_view text, std::size_t start, std::size_t previous_ascii, Each each) const {
        std::uint16_t previous = previous_ascii ? ascii_[previous_ascii].glyph : std::uint16_t{0};  // 0: none
        // (previous_ascii: the character before when it is 1 to 127 and not a space; else 0)
        for (std::size_t i = start; i < text.size();) {
            const auto byte = static_cast<unsigned char>(text[i]);
            if (byte != 0 && byte < ascii_side) {
                ++i;
                const AsciiGlyph g = ascii_[byte];
                if (byte == ' ') {
                    each(char32_t{' '}, g.glyph, int{g.advance}, 0, i);
                    previous = 0;
                    previous_ascii = 0;
                    continue;
                }
                each(char32_t{byte}, g.glyph, int{g.advance},
                     previous_ascii != 0 || previous == 0
                         ? ascii_pair_units_[previous_ascii * ascii_side + byte] - int{g.advance}
                         : kerning(previous, g.glyph),
                     i);
                previous = g.glyph;
                previous_ascii = byte;
            } else {
                const char32_t c = next_code_point(text, i);
                const std::uint16_t glyph = this->glyph(c);
                each(c, glyph, int{glyph_advance(glyph)}, kerning(previous, glyph), i);
                previous = glyph;
                previous_ascii = 0;
            }
        }
    }

    // Characters 1 to 127, nearly every one measured or drawn, are looked up by the
    // character: its glyph and advance, and its advance with the kerning after another, rather
    // than through the glyph tables (every character laid out is measured, and drawn).
    struct AsciiGlyph {
        std::uint16_t glyph = 0, advance = 0;
    };
    static constexpr std::size_t ascii_side = 128;
    std::array<AsciiGlyph, ascii_side> ascii_{};
    // ascii_[right].advance plus kerning(ascii_[left].glyph, ascii_[right].glyph) at
    // [left * ascii_side + right], and no kerning before a space; row 0 is "nothing before".
    // Measuring adds one number a character.
    std::vector<std::int32_t> ascii_pair_units_ = std::vector<std::int32_t>(ascii_side * ascii_side);

    std::unordered_map<std::uint32_t, std::int16_t> kerning_;  // (left << 16 | right) -> thousandths of an em
    std::vector<bool> kerns_left_;                             // by glyph: whether any pair starts with it
    // kerning_pair(left, right) at [left * dense_kerning_side + right], both below the side
    std::vector<std::int16_t> dense_kerning_ = std::vector<std::int16_t>(dense_kerning_side * dense_kerning_side);
    std::vector<std::uint16_t> bmp_;  // glyph per BMP code point, 0 if none
    std::unordered_map<char32_t, std::uint16_t> astral_;
    std::vector<std::uint16_t> advances_;  // per glyph, never empty
    double ascent_ = 800, descent_ = 200;
};

// Where to find the families of a document; a family may also be a path to a .ttf file
// (its bold/italic faces then default to the same file).
struct FontFamilies {
    std::string body = "Liberation Serif";
    std::string sans = "Liberation Sans";
    std::string mono = "Liberation Mono";
};

// The seven faces of a document, with the file each came from (the PDF writer embeds
// exactly these files, so what is measured is what is drawn).
class FontSet {
public:
    // Missing families are errors in `diags` (file = `origin`); returns null then.
    static std::shared_ptr<const FontSet> load(const FontFamilies& families, const std::string& origin,
                                               model::Diagnostics& diags);

    const FontMetrics& metrics(Face f) const { return faces_[static_cast<int>(f)].metrics; }
    const std::string& path(Face f) const { return faces_[static_cast<int>(f)].path; }
    // The bytes of the face's file, read once per set (the PDF writer subsets them).
    const std::string& file(Face f) const { return *faces_[static_cast<int>(f)].file; }
    double width(std::string_view text, const TextStyle& style) const;
    double width(std::string_view text, Face f, double size) const;
    double ascent(const TextStyle& s) const { return metrics(s.face).ascent() * s.size / 1000; }
    double descent(const TextStyle& s) const { return metrics(s.face).descent() * s.size / 1000; }

private:
    struct Loaded {
        std::string path;
        FontMetrics metrics;
        std::shared_ptr<const std::string> file;
    };
    std::array<Loaded, face_count> faces_;
};

// The .ttf file fontconfig picks for `family` in the given weight and slant; "" (and
// `error` set) when no TrueType file of that family is installed.
std::string find_font_file(const std::string& family, bool bold, bool italic, std::string& error);

}  // namespace protopub::layout
