#include "pdf/style.hpp"

#include <charconv>
#include <functional>
#include <map>

#include <yaml-cpp/yaml.h>

#include "model/text.hpp"

namespace protopub::pdf {

namespace {

// "25mm", "2.5cm", "10.5pt", "1in", "10.5" (points).
bool parse_length(const std::string& v, double& out) {
    double number = 0;
    const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), number);
    if (ec != std::errc() || number < 0) return false;
    const std::string unit = model::trim(std::string_view(end, v.data() + v.size() - end));
    if (unit.empty() || unit == "pt")
        out = number;
    else if (unit == "mm")
        out = layout::mm(number);
    else if (unit == "cm")
        out = layout::mm(number * 10);
    else if (unit == "in")
        out = number * 72;
    else
        return false;
    return true;
}

bool parse_number(const std::string& v, double& out) {
    const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
    return ec == std::errc() && end == v.data() + v.size() && out > 0;
}

bool parse_bool(const std::string& v, bool& out) {
    if (v == "yes" || v == "true" || v == "on")
        out = true;
    else if (v == "no" || v == "false" || v == "off")
        out = false;
    else
        return false;
    return true;
}

bool parse_colour(const std::string& v, layout::Colour& out) {
    if (v.size() != 7 || v[0] != '#') return false;
    unsigned hex = 0;
    const auto [end, ec] = std::from_chars(v.data() + 1, v.data() + 7, hex, 16);
    if (ec != std::errc() || end != v.data() + 7) return false;
    out = layout::rgb(hex);
    return true;
}

bool parse_page_size(const std::string& v, layout::PageGeometry& page) {
    static const std::map<std::string, std::pair<double, double>> named = {
        {"A4", {210, 297}}, {"A5", {148, 210}}, {"A3", {297, 420}}, {"Letter", {215.9, 279.4}}};
    if (const auto it = named.find(v); it != named.end()) {
        page.width = layout::mm(it->second.first);
        page.height = layout::mm(it->second.second);
        return true;
    }
    const auto space = v.find(' ');
    double w = 0, h = 0;
    if (space == std::string::npos || !parse_length(v.substr(0, space), w) ||
        !parse_length(model::trim(v.substr(space + 1)), h) || w < 144 || h < 144)
        return false;
    page.width = w;
    page.height = h;
    return true;
}

using Setter = std::function<bool(const std::string&, PdfStyle&)>;

Setter length(double PdfStyle::*field) {
    return [field](const std::string& v, PdfStyle& s) { return parse_length(v, s.*field); };
}
Setter margin(double layout::PageGeometry::*field) {
    return [field](const std::string& v, PdfStyle& s) { return parse_length(v, s.page.*field); };
}
Setter colour(layout::Colour PdfStyle::*field) {
    return [field](const std::string& v, PdfStyle& s) { return parse_colour(v, s.*field); };
}
Setter flag(bool PdfStyle::*field) {
    return [field](const std::string& v, PdfStyle& s) { return parse_bool(v, s.*field); };
}
Setter font(std::string layout::FontFamilies::*field) {
    return [field](const std::string& v, PdfStyle& s) { return !v.empty() && (s.fonts.*field = v, true); };
}

// Each key with what it accepts, for the error message.
const std::map<std::string, std::pair<Setter, const char*>>& setters() {
    static const std::map<std::string, std::pair<Setter, const char*>> table = {
        {"page_size",
         {[](const std::string& v, PdfStyle& s) { return parse_page_size(v, s.page); },
          "A4, A5, A3, Letter or 'WIDTH HEIGHT' (e.g. '210mm 297mm')"}},
        {"margin_top", {margin(&layout::PageGeometry::top), "a length (25mm, 72pt)"}},
        {"margin_bottom", {margin(&layout::PageGeometry::bottom), "a length"}},
        {"margin_left", {margin(&layout::PageGeometry::left), "a length"}},
        {"margin_right", {margin(&layout::PageGeometry::right), "a length"}},
        {"body_font", {font(&layout::FontFamilies::body), "a font family or a .ttf path"}},
        {"heading_font", {font(&layout::FontFamilies::sans), "a font family or a .ttf path"}},
        {"mono_font", {font(&layout::FontFamilies::mono), "a font family or a .ttf path"}},
        {"body_size", {length(&PdfStyle::body_size), "a length"}},
        {"line_height",
         {[](const std::string& v, PdfStyle& s) { return parse_number(v, s.line_height); },
          "a factor of the font size (1.32)"}},
        {"title_size", {length(&PdfStyle::title_size), "a length"}},
        {"section_size", {length(&PdfStyle::section_size), "a length"}},
        {"subsection_size", {length(&PdfStyle::subsection_size), "a length"}},
        {"table_size", {length(&PdfStyle::table_size), "a length"}},
        {"running_size", {length(&PdfStyle::running_size), "a length"}},
        {"paragraph_space", {length(&PdfStyle::paragraph_space), "a length"}},
        {"section_space", {length(&PdfStyle::section_space), "a length"}},
        {"number_width", {length(&PdfStyle::number_width), "a length"}},
        {"list_indent", {length(&PdfStyle::list_indent), "a length"}},
        {"align",
         {[](const std::string& v, PdfStyle& s) {
              if (v != "justified" && v != "ragged") return false;
              s.justify = v == "justified";
              return true;
          },
          "justified or ragged"}},
        {"hyphenate", {flag(&PdfStyle::hyphenate), "yes or no"}},
        {"hyphenation_dictionary",
         {[](const std::string& v, PdfStyle& s) { return !v.empty() && (s.hyphenation_dictionary = v, true); },
          "a libhyphen .dic file"}},
        {"contents", {flag(&PdfStyle::contents), "yes or no"}},
        {"running_header", {flag(&PdfStyle::running_header), "yes or no"}},
        {"text_colour", {colour(&PdfStyle::text_colour), "a colour '#rrggbb'"}},
        {"heading_colour", {colour(&PdfStyle::heading_colour), "a colour '#rrggbb'"}},
        {"link_colour", {colour(&PdfStyle::link_colour), "a colour '#rrggbb'"}},
        {"rule_colour", {colour(&PdfStyle::rule_colour), "a colour '#rrggbb'"}},
        {"muted_colour", {colour(&PdfStyle::muted_colour), "a colour '#rrggbb'"}},
        {"table_header_fill", {colour(&PdfStyle::table_header_fill), "a colour '#rrggbb'"}},
        {"inserted_colour", {colour(&PdfStyle::inserted_colour), "a colour '#rrggbb'"}},
        {"deleted_colour", {colour(&PdfStyle::deleted_colour), "a colour '#rrggbb'"}},
        {"moved_colour", {colour(&PdfStyle::moved_colour), "a colour '#rrggbb'"}},
        {"change_bar_colour", {colour(&PdfStyle::change_bar_colour), "a colour '#rrggbb'"}},
    };
    return table;
}

std::string unquote(std::string v) {
    if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'') && v.back() == v.front())
        v = v.substr(1, v.size() - 2);
    return v;
}

}  // namespace

bool apply_style_value(const std::string& key, const std::string& value, PdfStyle& style, std::string& error) {
    const auto it = setters().find(key);
    if (it == setters().end()) {
        error = "unknown style key '" + key + "'";
        return false;
    }
    if (!it->second.first(unquote(model::trim(value)), style)) {
        error = "'" + key + "' must be " + it->second.second + ", not '" + model::trim(value) + "'";
        return false;
    }
    return true;
}

void apply_style_text(std::string_view text, const std::string& path, PdfStyle& style, model::Diagnostics& diags) {
    // The file is YAML (quotes, comments, flow style), read by yaml-cpp; each value is a
    // scalar the key's setter reads, and every problem is reported at its line.
    auto pos = [](const YAML::Mark& m) {
        return m.line < 0
                   ? model::SourcePos{}
                   : model::SourcePos{static_cast<std::uint32_t>(m.line + 1), static_cast<std::uint32_t>(m.column + 1)};
    };
    YAML::Node root;
    try {
        root = YAML::Load(std::string(text));
    } catch (const YAML::Exception& e) {
        diags.error(path, pos(e.mark), "invalid YAML: " + e.msg);
        return;
    }
    if (root.IsNull()) return;  // empty, or only comments: the built-in style
    if (!root.IsMap()) {
        diags.error(path, pos(root.Mark()), "expected 'key: value' lines");
        return;
    }
    for (const auto& entry : root) {
        const YAML::Node& key = entry.first;
        const YAML::Node& value = entry.second;
        if (!key.IsScalar()) {
            diags.error(path, pos(key.Mark()), "expected 'key: value'");
            continue;
        }
        const std::string name = key.Scalar();
        if (value.IsNull() && setters().count(name)) {
            // "text_colour: #1a1a1a" is a key and a comment in YAML.
            diags.error(path, pos(key.Mark()), "'" + name + "' has no value (a colour must be quoted: \"#1a3a60\")");
            continue;
        }
        if (!value.IsScalar()) {
            diags.error(path, pos(value.Mark()), "'" + name + "' must be a single value");
            continue;
        }
        std::string error;
        if (!apply_style_value(name, value.Scalar(), style, error)) diags.error(path, pos(key.Mark()), error);
    }
    if (style.page.left + style.page.right + 72 > style.page.width ||
        style.page.top + style.page.bottom + 144 > style.page.height)
        diags.error(path, {}, "the margins leave too little room on the page");
}

}  // namespace protopub::pdf
