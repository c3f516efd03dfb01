#include "pdf/font_subset.hpp"

#include "layout/font_bytes.hpp"

#include <algorithm>
#include <map>
#include <unordered_map>

namespace protopub::pdf::detail {

namespace {

struct Table {
    std::size_t offset = 0, length = 0;
    bool found() const { return length > 0; }
};

std::map<std::string, Table, std::less<>> table_directory(const layout::FontBytes& r) {
    std::map<std::string, Table, std::less<>> out;
    if (!r.ok(0, 12)) return out;
    const int count = r.u16(4);
    for (int k = 0; k < count && r.ok(12 + std::size_t(k) * 16, 16); ++k) {
        const std::size_t rec = 12 + std::size_t(k) * 16;
        const Table t{r.u32(rec + 8), r.u32(rec + 12)};
        if (r.ok(t.offset, t.length)) out[std::string(r.data.substr(rec, 4))] = t;
    }
    return out;
}

void put16(std::string& s, std::size_t at, std::uint32_t v) {
    s[at] = static_cast<char>((v >> 8) & 0xFF);
    s[at + 1] = static_cast<char>(v & 0xFF);
}
void append16(std::string& s, std::uint32_t v) {
    s += static_cast<char>((v >> 8) & 0xFF);
    s += static_cast<char>(v & 0xFF);
}
void append32(std::string& s, std::uint32_t v) {
    append16(s, v >> 16);
    append16(s, v & 0xFFFF);
}

std::uint32_t checksum(std::string_view table) {
    std::uint32_t sum = 0;
    for (std::size_t i = 0; i < table.size(); i += 4) {
        std::uint32_t word = 0;
        for (std::size_t k = 0; k < 4; ++k)
            word = (word << 8) | (i + k < table.size() ? static_cast<unsigned char>(table[i + k]) : 0);
        sum += word;
    }
    return sum;
}

// One component of a composite glyph: where its flags stand inside the glyph (its glyph
// index follows them), the flags, the index, and where the next component begins.
struct Component {
    std::size_t at;
    std::uint16_t flags;
    std::uint16_t glyph;
    std::size_t end;
};
constexpr std::uint16_t component_more = 0x20, component_has_instructions = 0x100;

std::vector<Component> components(const layout::FontBytes& r, std::size_t glyph, std::size_t length) {
    std::vector<Component> out;
    if (length < 10 || r.s16(glyph) >= 0) return out;
    constexpr std::uint16_t words = 0x1, scale = 0x8, xy_scale = 0x40, two_by_two = 0x80;
    std::size_t at = 10;
    for (bool again = true; again && at + 4 <= length;) {
        const std::uint16_t flags = r.u16(glyph + at);
        std::size_t end = at + 4 + ((flags & words) ? 4 : 2);
        if (flags & scale)
            end += 2;
        else if (flags & xy_scale)
            end += 4;
        else if (flags & two_by_two)
            end += 8;
        out.push_back({at, flags, r.u16(glyph + at + 2), end});
        at = end;
        again = (flags & component_more) != 0;
    }
    return out;
}

// The glyph without its hinting instructions: viewers scale outlines themselves, and
// the instructions are a third of a hinted font's size.
std::string unhinted(const layout::FontBytes& r, std::size_t glyph, std::size_t length) {
    std::string out(r.data.substr(glyph, length));
    if (length < 10) return out;
    const int contours = r.s16(glyph);
    if (contours >= 0) {
        const std::size_t count_at = 10 + std::size_t(contours) * 2;
        if (count_at + 2 > length) return out;
        const std::size_t instructions = r.u16(glyph + count_at);
        if (count_at + 2 + instructions > length) return out;
        out.erase(count_at + 2, instructions);
        put16(out, count_at, 0);
        return out;
    }
    for (const Component& c : components(r, glyph, length)) {
        if (c.flags & component_has_instructions) put16(out, c.at, c.flags & ~component_has_instructions);
        // the instructions follow the last component
        if (!(c.flags & component_more) && c.end <= out.size()) out.resize(c.end);
    }
    return out;
}

}  // namespace

bool subset_truetype(std::string_view ttf, const std::vector<std::uint16_t>& used, TrueTypeSubset& out,
                     std::string& error) {
    const layout::FontBytes r{ttf};
    const auto tables = table_directory(r);
    for (const char* tag : {"head", "hhea", "maxp", "hmtx", "loca", "glyf"})
        if (!tables.count(tag)) {
            error = std::string("no '") + tag + "' table";
            return false;
        }
    const Table head = tables.at("head"), hhea = tables.at("hhea"), maxp = tables.at("maxp"), hmtx = tables.at("hmtx"),
                loca = tables.at("loca"), glyf = tables.at("glyf");
    if (head.length < 54 || hhea.length < 36 || maxp.length < 6) {
        error = "truncated head, hhea or maxp table";
        return false;
    }
    const std::size_t glyph_count = r.u16(maxp.offset + 4);
    const bool long_loca = r.s16(head.offset + 50) != 0;
    const std::size_t long_metrics = std::max<std::size_t>(1, r.u16(hhea.offset + 34));
    if (loca.length < (glyph_count + 1) * (long_loca ? 4 : 2) || hmtx.length < long_metrics * 4) {
        error = "truncated loca or hmtx table";
        return false;
    }
    const auto glyph_at = [&](std::size_t g) -> std::pair<std::size_t, std::size_t> {
        const std::size_t start = long_loca ? r.u32(loca.offset + g * 4) : r.u16(loca.offset + g * 2) * 2u;
        const std::size_t end = long_loca ? r.u32(loca.offset + g * 4 + 4) : r.u16(loca.offset + g * 2 + 2) * 2u;
        if (end < start || end > glyf.length) return {0, 0};
        return {glyf.offset + start, end - start};
    };

    // The glyphs to keep, in order of first use; components join as they are met.
    std::unordered_map<std::uint16_t, std::uint16_t> new_id;
    out.glyphs.clear();
    const auto keep = [&](std::uint16_t g) {
        if (g >= glyph_count || new_id.count(g)) return;
        new_id.emplace(g, static_cast<std::uint16_t>(out.glyphs.size()));
        out.glyphs.push_back(g);
    };
    keep(0);
    for (auto g : used) keep(g);
    for (std::size_t k = 0; k < out.glyphs.size(); ++k) {  // grows as components are found
        const auto [at, length] = glyph_at(out.glyphs[k]);
        for (const auto& c : components(r, at, length)) keep(c.glyph);
    }

    std::string glyf_out, loca_out, hmtx_out;
    for (const std::uint16_t g : out.glyphs) {
        append32(loca_out, static_cast<std::uint32_t>(glyf_out.size()));
        const auto [at, length] = glyph_at(g);
        std::string glyph = unhinted(r, at, length);
        for (const auto& c : components(r, at, length))
            put16(glyph, c.at + 2, new_id.count(c.glyph) ? new_id.at(c.glyph) : 0);
        glyf_out += glyph;
        while (glyf_out.size() % 4) glyf_out += '\0';
        const std::size_t metric = std::min(std::size_t(g), long_metrics - 1);
        append16(hmtx_out, r.u16(hmtx.offset + metric * 4));
        const std::size_t lsb =
            g < long_metrics ? hmtx.offset + g * 4 + 2 : hmtx.offset + long_metrics * 4 + (g - long_metrics) * 2;
        append16(hmtx_out, lsb + 2 <= hmtx.offset + hmtx.length ? r.u16(lsb) : 0);
    }
    append32(loca_out, static_cast<std::uint32_t>(glyf_out.size()));

    std::string head_out(ttf.substr(head.offset, 54)), hhea_out(ttf.substr(hhea.offset, hhea.length)),
        maxp_out(ttf.substr(maxp.offset, maxp.length));
    put16(head_out, 8, 0);  // checkSumAdjustment, recomputed below
    put16(head_out, 10, 0);
    put16(head_out, 50, 1);  // long loca offsets
    put16(hhea_out, 34, static_cast<std::uint32_t>(out.glyphs.size()));
    put16(maxp_out, 4, static_cast<std::uint32_t>(out.glyphs.size()));

    std::vector<std::pair<std::string, std::string>> written = {{"glyf", glyf_out}, {"head", head_out},
                                                                {"hhea", hhea_out}, {"hmtx", hmtx_out},
                                                                {"loca", loca_out}, {"maxp", maxp_out}};
    std::sort(written.begin(), written.end());

    const std::size_t n = written.size();
    std::size_t power = 1, log2 = 0;
    while (power * 2 <= n) power *= 2, ++log2;
    std::string& file = out.bytes;
    file.clear();
    append32(file, 0x00010000);
    append16(file, static_cast<std::uint32_t>(n));
    append16(file, static_cast<std::uint32_t>(power * 16));
    append16(file, static_cast<std::uint32_t>(log2));
    append16(file, static_cast<std::uint32_t>(n * 16 - power * 16));
    std::size_t offset = 12 + n * 16;
    std::size_t head_at = 0;
    for (const auto& [tag, data] : written) {
        file += tag;
        append32(file, checksum(data));
        append32(file, static_cast<std::uint32_t>(offset));
        append32(file, static_cast<std::uint32_t>(data.size()));
        if (tag == "head") head_at = offset;
        offset += (data.size() + 3) / 4 * 4;
    }
    for (const auto& [tag, data] : written) {
        file += data;
        while (file.size() % 4) file += '\0';
    }
    const std::uint32_t adjustment = 0xB1B0AFBAu - checksum(file);
    put16(file, head_at + 8, adjustment >> 16);
    put16(file, head_at + 10, adjustment & 0xFFFF);
    return true;
}

FontFacts font_facts(std::string_view ttf) {
    const layout::FontBytes r{ttf};
    const auto tables = table_directory(r);
    FontFacts f;
    const auto head = tables.find("head");
    if (head == tables.end() || head->second.length < 54) return f;
    const double units = std::max<int>(1, r.u16(head->second.offset + 18));
    const auto scaled = [&](double v) { return static_cast<int>(v * 1000 / units + (v < 0 ? -0.5 : 0.5)); };
    for (int k = 0; k < 4; ++k) f.bbox[k] = scaled(r.s16(head->second.offset + 36 + k * 2));
    f.italic = (r.u16(head->second.offset + 44) & 0x2) != 0;
    if (const auto hhea = tables.find("hhea"); hhea != tables.end() && hhea->second.length >= 8) {
        f.ascent = scaled(r.s16(hhea->second.offset + 4));
        f.descent = scaled(r.s16(hhea->second.offset + 6));
        f.cap_height = f.ascent;
    }
    if (const auto os2 = tables.find("OS/2"); os2 != tables.end()) {
        const auto& t = os2->second;
        if (t.length >= 90 && r.u16(t.offset) >= 2) f.cap_height = scaled(r.s16(t.offset + 88));
        // sFamilyClass: classes 1 to 7 are serif designs.
        if (t.length >= 32) f.serif = r.u16(t.offset + 30) >> 8 >= 1 && r.u16(t.offset + 30) >> 8 <= 7;
    }
    if (const auto post = tables.find("post"); post != tables.end() && post->second.length >= 16) {
        f.italic_angle = static_cast<std::int32_t>(r.u32(post->second.offset + 4)) / 65536.0;
        f.fixed_pitch = r.u32(post->second.offset + 12) != 0;
    }
    if (const auto name = tables.find("name"); name != tables.end() && name->second.length >= 6) {
        const std::size_t base = name->second.offset;
        const int count = r.u16(base + 2);
        const std::size_t strings = base + r.u16(base + 4);
        for (int k = 0; k < count && r.ok(base + 6 + std::size_t(k) * 12, 12) && f.postscript_name.empty(); ++k) {
            const std::size_t rec = base + 6 + std::size_t(k) * 12;
            if (r.u16(rec + 6) != 6) continue;
            const int platform = r.u16(rec);
            const std::size_t length = r.u16(rec + 8), at = strings + r.u16(rec + 10);
            if (!r.ok(at, length)) continue;
            const std::size_t step = platform == 3 || platform == 0 ? 2 : 1;
            for (std::size_t i = step - 1; i < length; i += step) {
                const char c = ttf[at + i];
                if (c > ' ' && c < 0x7F && c != '/' && c != '(' && c != ')' && c != '[' && c != ']' && c != '<' &&
                    c != '>' && c != '{' && c != '}' && c != '%' && c != '#')
                    f.postscript_name += c;
            }
        }
    }
    return f;
}

}  // namespace protopub::pdf::detail
