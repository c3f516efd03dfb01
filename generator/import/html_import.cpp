// Import of a web page (a council's protocol published as HTML, saved from a browser): the
// text the page shows, its blocks written as the Markdown the text importer reads (headings
// "#" to "######", paragraphs between blank lines, list items "- " or "3. " or "b. ", table
// rows "| a | b |"), so that every rule of plain text applies to it too. What is no part of
// the text (its scripts and styles, navigation menus and forms, and what stands outside
// <main> where a page marks its main content) is left out, with a warning; the page's
// furniture in its text (breadcrumbs, "Back to top") is the text importer's, as for a page
// copied as text.
#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "import/import.hpp"
#include "import/paragraphs.hpp"
#include "model/text.hpp"

namespace protopub::import {

namespace {

using model::ascii::is_alnum;
using model::ascii::is_digit;

bool one_of(std::string_view name, std::initializer_list<std::string_view> names) {
    for (std::string_view n : names)
        if (name == n) return true;
    return false;
}

// "&amp;" "&#8217;" "&#x2019;" "&rsquo;" at `at` (which holds '&'): the character written as
// UTF-8 onto `out` and the bytes the reference takes, or 0 when it is none of these (the '&'
// is then a character of the text).
std::size_t entity(std::string_view html, std::size_t at, std::string& out) {
    const std::size_t end = html.find(';', at);
    if (end == std::string_view::npos || end - at > 10) return 0;
    const std::string_view name = html.substr(at + 1, end - at - 1);
    if (name.size() >= 2 && name[0] == '#') {
        const bool hex = name[1] == 'x' || name[1] == 'X';
        char32_t c = 0;
        for (char d : name.substr(hex ? 2 : 1)) {
            const int v = is_digit(d)                   ? d - '0'
                          : hex && d >= 'a' && d <= 'f' ? d - 'a' + 10
                          : hex && d >= 'A' && d <= 'F' ? d - 'A' + 10
                                                        : -1;
            if (v < 0 || c > 0x10FFFF) return 0;
            c = c * (hex ? 16 : 10) + static_cast<char32_t>(v);
        }
        // (a number that is no character, or a control, is the replacement character)
        if (c == 0 || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF) || (c < 0x20 && c != '\t' && c != '\n')) c = 0xFFFD;
        detail::append_utf8(out, c);
        return end - at + 1;
    }
    static constexpr std::array<std::pair<std::string_view, char32_t>, 22> named = {{
        {"amp", '&'},      {"lt", '<'},       {"gt", '>'},        {"quot", '"'},     {"apos", '\''},
        {"nbsp", 0xA0},    {"rsquo", 0x2019}, {"lsquo", 0x2018},  {"rdquo", 0x201D}, {"ldquo", 0x201C},
        {"ndash", 0x2013}, {"mdash", 0x2014}, {"hellip", 0x2026}, {"pound", 0xA3},   {"euro", 0x20AC},
        {"copy", 0xA9},    {"bull", 0x2022},  {"middot", 0xB7},   {"sect", 0xA7},    {"para", 0xB6},
        {"eacute", 0xE9},  {"shy", 0xAD},
    }};
    for (const auto& [n, c] : named)
        if (n == name) {
            if (c != 0xAD) detail::append_utf8(out, c);  // (a soft hyphen shows nothing)
            return end - at + 1;
        }
    return 0;
}

// A list open on the page: how its items are marked.
struct List {
    bool ordered = false;
    char type = '1';  // an ordered list's <ol type>: '1', 'a', 'A', 'i', 'I'
    int next = 1;
};

// An item's mark as the page shows it: "- " in a <ul>, "3. " "c. " "iii. " in an <ol> of
// that type.
std::string item_marker(List& list) {
    const int n = list.next++;
    if (!list.ordered) return "- ";
    const std::string_view format = list.type == 'a'   ? "lowerLetter"
                                    : list.type == 'A' ? "upperLetter"
                                    : list.type == 'i' ? "lowerRoman"
                                    : list.type == 'I' ? "upperRoman"
                                                       : "decimal";
    return detail::format_counter(n, format) + ". ";
}

// The value of attribute `name` in a tag's attributes ("type=a", `start="3"`), or "".
std::string attribute(std::string_view attrs, std::string_view name) {
    const std::string lowered = detail::lower(attrs);
    for (std::size_t at = lowered.find(name); at != std::string::npos; at = lowered.find(name, at + 1)) {
        if (at > 0 && is_alnum(lowered[at - 1])) continue;
        std::size_t k = at + name.size();
        while (k < attrs.size() && attrs[k] == ' ') ++k;
        if (k >= attrs.size() || attrs[k] != '=') continue;
        ++k;
        while (k < attrs.size() && attrs[k] == ' ') ++k;
        if (k >= attrs.size()) return "";
        const char quote = attrs[k] == '"' || attrs[k] == '\'' ? attrs[k] : 0;
        const std::size_t from = quote ? k + 1 : k;
        const std::size_t to = quote ? attrs.find(quote, from) : attrs.find_first_of(" />", from);
        return std::string(attrs.substr(from, (to == std::string_view::npos ? attrs.size() : to) - from));
    }
    return "";
}

class PageText {
public:
    std::string read(std::string_view html) {
        // a page that marks its main content (<main>): what stands outside it (the site's
        // banner, menus, footer) is the site's, not the text's
        outside_main_ = has_main_ = closing_tag(html, 0, "main") != std::string_view::npos;
        for (std::size_t i = 0; i < html.size();) {
            if (html[i] == '<') {
                i = tag(html, i);
            } else if (html[i] == '&') {
                std::string decoded;
                const std::size_t taken = entity(html, i, decoded);
                if (skipping_ == 0) words(taken ? std::string_view(decoded) : std::string_view("&"));
                i += taken ? taken : 1;
            } else {
                std::size_t end = html.find_first_of("<&", i);
                if (end == std::string_view::npos) end = html.size();
                if (skipping_ == 0) words(html.substr(i, end - i));
                i = end;
            }
        }
        end_row();
        end_block();
        return out_;
    }
    std::size_t left_out() const { return left_out_; }
    const std::vector<std::string>& furniture() const { return furniture_; }
    bool has_main() const { return has_main_; }

private:
    // (where the tag ends: after its '>', quoted values read over)
    static std::size_t tag_end(std::string_view html, std::size_t at) {
        char quote = 0;
        for (std::size_t k = at; k < html.size(); ++k) {
            const char c = html[k];
            if (quote) {
                if (c == quote) quote = 0;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return k + 1;
            }
        }
        return html.size();
    }

    // where "</name" (in any case) is, from `from` on, or npos
    static std::size_t closing_tag(std::string_view html, std::size_t from, std::string_view name) {
        for (std::size_t k = html.find("</", from); k != std::string_view::npos; k = html.find("</", k + 2)) {
            if (detail::equals_ignore_case(html.substr(k + 2, name.size()), name)) return k;
        }
        return std::string_view::npos;
    }

    std::size_t tag(std::string_view html, std::size_t at) {
        if (html.substr(at, 4) == "<!--") {
            const std::size_t end = html.find("-->", at + 4);
            return end == std::string_view::npos ? html.size() : end + 3;
        }
        if (at + 1 < html.size() && (html[at + 1] == '!' || html[at + 1] == '?')) return tag_end(html, at);
        const bool closing = at + 1 < html.size() && html[at + 1] == '/';
        std::size_t k = at + (closing ? 2 : 1);
        const std::size_t name_start = k;
        while (k < html.size() && (is_alnum(html[k]) || html[k] == '-')) ++k;
        if (k == name_start) {  // "a < b": a character of the text
            if (skipping_ == 0) words("<");
            return at + 1;
        }
        const std::string name = detail::lower(html.substr(name_start, k - name_start));
        const std::size_t end = tag_end(html, k);
        const std::string_view attrs = html.substr(k, end - k);
        // what a browser does not show as text: its content left out whole
        if (!closing && one_of(name, {"script", "style", "template", "noscript", "svg", "title", "textarea"})) {
            const std::size_t close = closing_tag(html, end, name);
            // (the page's title names the council where its text does not: kept aside)
            if (name == "title")
                furniture_.push_back(model::trim(html.substr(end, std::min(close, html.size()) - end)));
            return close == std::string_view::npos ? html.size() : tag_end(html, close);
        }
        if (name == "main") {
            outside_main_ = closing;
            return end;
        }
        // the page's own parts: its head, navigation menus and forms, left out (and counted)
        if (one_of(name, {"head", "nav", "form", "button", "select"})) {
            if (!closing) {
                left_out_ += name != "head" && skipping_ == 0;  // (a form's button is the form's)
                ++skipping_;
            } else if (skipping_ > 0) {
                --skipping_;
            }
            return end;
        }
        if (hidden()) return end;
        block_tag(name, closing, attrs);
        return end;
    }

    void block_tag(const std::string& name, bool closing, std::string_view attrs) {
        if (name == "br") {
            if (!text_.empty()) text_ += '\n';
            return;
        }
        if (name == "ul" || name == "ol") {
            end_block();
            if (closing) {
                if (!lists_.empty()) lists_.pop_back();
            } else {
                List list;
                list.ordered = name == "ol";
                const std::string type = attribute(attrs, "type");
                if (!type.empty()) list.type = type[0];
                const std::string start = attribute(attrs, "start");
                if (!start.empty() && start.size() < 6 &&
                    std::all_of(start.begin(), start.end(), [](char c) { return is_digit(c); }))
                    list.next = std::stoi(start);
                lists_.push_back(list);
            }
            return;
        }
        if (name == "li") {
            end_block();
            lead_.clear();
            if (!closing) {
                if (lists_.empty()) lists_.emplace_back();
                lead_ = std::string(4 * (lists_.size() - 1), ' ') + item_marker(lists_.back());
            }
            return;
        }
        if (name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6') {
            end_block();
            lead_ = closing ? "" : std::string(static_cast<std::size_t>(name[1] - '0'), '#') + " ";
            return;
        }
        if (name == "table") {
            end_row();
            end_block();
            rows_ = 0;
            if (closing) out_ += "\n";
            return;
        }
        if (name == "tr") {
            end_row();
            if (!closing) end_block();
            in_row_ = !closing;
            return;
        }
        if (name == "td" || name == "th") {
            if (!in_row_) {  // (a cell outside a row: a row of its own)
                end_block();
                in_row_ = true;
            }
            if (closing || open_cell_) cells_.push_back(model::trim(text_));
            text_.clear();
            open_cell_ = !closing;
            return;
        }
        // "<dt>Version</dt><dd>2</dd>": a term and what it says, "Version: 2", as a title
        // page's facts are written in text
        if (name == "dt") {
            if (closing) {
                text_ = model::trim(text_) + ": ";
                in_term_ = true;
            } else {
                end_block();
            }
            return;
        }
        if (name == "dd") {
            if (closing || !in_term_) end_block();
            in_term_ = false;
            return;
        }
        if (one_of(name, {"p",          "div",     "section", "article",    "main",   "header",  "footer", "aside",
                          "blockquote", "address", "figure",  "figcaption", "dl",     "pre",     "hr",     "body",
                          "html",       "center",  "caption", "fieldset",   "legend", "details", "summary"}))
            end_block();
    }

    // text, its runs of white space one space (as a browser shows them)
    void words(std::string_view s) {
        if (outside_main_ && skipping_ == 0) {  // (the site's banner and footer: kept aside)
            furniture_.emplace_back(s);
            return;
        }
        for (char c : s) {
            const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
            if (space) {
                if (!text_.empty() && text_.back() != ' ' && text_.back() != '\n') text_ += ' ';
            } else {
                text_ += c;
            }
        }
    }

    // a table's row, its cells written "| a | b |" (a rule under the first)
    void end_row() {
        if (open_cell_) cells_.push_back(model::trim(text_)), text_.clear();
        open_cell_ = false;
        in_row_ = false;
        if (cells_.empty()) return;
        std::string row = "|";
        for (const auto& cell : cells_) row += " " + cell + " |";
        out_ += row + "\n";
        if (rows_++ == 0) {
            out_ += "|";
            for (std::size_t c = 0; c < cells_.size(); ++c) out_ += "---|";
            out_ += "\n";
        }
        cells_.clear();
    }

    void end_block() {
        if (in_row_) return;  // (a cell's blocks are the cell's words)
        std::string t = model::trim(text_);
        text_.clear();
        // (a line break inside the block: a line of its own, its spaces trimmed)
        std::string lines;
        for (std::size_t from = 0; from <= t.size();) {
            std::size_t to = t.find('\n', from);
            if (to == std::string::npos) to = t.size();
            std::string line = model::trim(std::string_view(t).substr(from, to - from));
            if (!line.empty()) lines += (lines.empty() ? "" : "\n") + line;
            from = to + 1;
        }
        // (an item's or heading's mark waits for its words: "<li><p>words</p></li>")
        if (lines.empty()) return;
        if (rows_ > 0) out_ += "\n", rows_ = 0;  // (a table's rows end before the next block)
        out_ += lead_ + lines + "\n\n";
        lead_.clear();
    }

    std::string out_, text_, lead_;
    std::vector<List> lists_;
    std::vector<std::string> cells_, furniture_;
    std::size_t rows_ = 0, skipping_ = 0, left_out_ = 0;
    bool in_row_ = false, open_cell_ = false, outside_main_ = false, has_main_ = false;
    bool in_term_ = false;  // a <dt>'s words are open, its <dd> to follow on their line
    bool hidden() const { return skipping_ > 0 || outside_main_; }
};

}  // namespace

ImportResult import_html(std::string_view bytes, const std::string& path, const ImportOptions& options,
                         model::Diagnostics& diags) {
    PageText page;
    const std::string text = page.read(bytes);
    std::string without;
    if (page.has_main()) without += "what stands outside its main content (<main>)";
    if (page.left_out() > 0)
        without += (without.empty() ? "" : " and ") + std::to_string(page.left_out()) + " navigation menus and forms";
    diags.warning(path, {1, 1},
                  "read as a web page: the text it shows, its headings, paragraphs, lists and tables" +
                      (without.empty() ? std::string() : ", without " + without) +
                      " (the lines and columns below are of that text; to see it: save the page as text)");
    return detail::import_text_with(text, path, options, diags, page.furniture());
}

}  // namespace protopub::import
