#include "redline/tokens.hpp"

#include <algorithm>

#include "model/text.hpp"

namespace protopub::redline::detail {

using model::Inline;
using model::InlineKind;
using model::Inlines;

std::uint32_t KeyTable::intern(std::string_view normalised) {
    if (auto it = keys_.find(normalised); it != keys_.end()) return it->second;
    return keys_.emplace(std::string(normalised), static_cast<std::uint32_t>(keys_.size() + 1)).first->second;
}

std::uint8_t format_of(const Style& style) {
    std::uint8_t format = 0;
    for (const Wrapper& w : style)
        format |= w.kind == InlineKind::emphasis                                  ? italic
                  : w.kind == InlineKind::strong                                  ? bold
                  : w.kind == InlineKind::strike                                  ? struck
                  : w.kind == InlineKind::link || w.kind == InlineKind::reference ? linked
                                                                                  : 0;
    return format;
}

namespace {

// ---------------------------------------------------------------- characters

struct CodePoint {
    std::uint32_t value = 0;
    std::size_t length = 1;
};

CodePoint decode(std::string_view s, std::size_t i) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 1;
    if (i + len > s.size()) return {c, 1};
    std::uint32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
    for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    return {cp, len};
}

bool is_space(std::uint32_t cp) {
    return cp == ' ' || (cp >= '\t' && cp <= '\r') || cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F ||
           cp == 0x3000;
}

bool is_digit(std::uint32_t cp) { return cp >= '0' && cp <= '9'; }

// Letters and digits in any script; typographic punctuation and private-use glyphs
// (bullets from PDF extraction) are not.
bool is_word_char(std::uint32_t cp) {
    if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || is_digit(cp);
    if (cp >= 0x2010 && cp <= 0x206F) return false;  // dashes, quotes, bullets, ellipsis
    if (cp >= 0xE000 && cp <= 0xF8FF) return false;  // private use
    if (cp >= 0xA0 && cp <= 0xBF) return false;      // £ § « » and friends
    return cp != 0xD7 && cp != 0xF7;
}

bool is_apostrophe(std::uint32_t cp) { return cp == '\'' || cp == 0x2019; }

// Quote styles fold together: a straight and a curly quote are the same token.
void append_normalised(std::string& out, CodePoint cp, std::string_view s, std::size_t i) {
    switch (cp.value) {
        case 0x2018:
        case 0x2019:
        case 0x201A:
        case 0x201B:
        case 0x2032: out += '\''; return;
        case 0x201C:
        case 0x201D:
        case 0x201E:
        case 0x201F:
        case 0x2033: out += '"'; return;
        default: out.append(s.substr(i, cp.length));
    }
}

// ---------------------------------------------------------------- tokenizer

class Tokenizer {
public:
    Tokenizer(TokenStream& out, KeyTable& keys) : out_(out), keys_(keys) {}

    void unit(const Inlines& inlines) {
        if (out_.units++ > 0) out_.tokens.push_back(Token{});
        pending_space_ = false;
        walk(inlines, Style{});
    }

    void text(std::string_view s, int style) {
        int reference = -1;
        for (const Wrapper& w : out_.styles[static_cast<std::size_t>(style)])
            if (w.kind == InlineKind::reference) reference = w.reference;
        const std::uint8_t format = format_of(out_.styles[static_cast<std::size_t>(style)]);
        std::size_t i = 0;
        while (i < s.size()) {
            if (s[i] == ' ') {  // most spaces, without decoding them
                pending_space_ = true;
                ++i;
                continue;
            }
            const CodePoint cp = decode(s, i);
            if (is_space(cp.value)) {
                pending_space_ = true;
                i += cp.length;
                continue;
            }
            Token t;
            t.style = style;
            t.reference = reference;
            t.format = format;
            t.space_before = pending_space_;
            pending_space_ = false;
            bool ascii = cp.value < 0x80;
            std::size_t end = i + cp.length;
            if (is_word_char(cp.value)) {
                t.word = true;
                end = word_end(s, i, ascii);
            }
            const std::string_view written = s.substr(i, end - i);
            // Only quotes outside ASCII fold, so an ASCII token is its own key.
            if (ascii) {
                t.key = keys_.intern(written);
            } else {
                std::string key;
                for (std::size_t k = i; k < end;) {
                    const CodePoint c = decode(s, k);
                    append_normalised(key, c, s, k);
                    k += c.length;
                }
                t.key = keys_.intern(key);
            }
            t.text = written;
            out_.tokens.push_back(std::move(t));
            i = end;
        }
    }

private:
    // A word runs over letters and digits, and over an apostrophe or hyphen between
    // letters ("Council's", "decision-making") or a dot or comma between digits ("3.2",
    // "1,000"), so a change is always a whole word.
    // `ascii` stays true while every character taken is ASCII.
    static std::size_t word_end(std::string_view s, std::size_t i, bool& ascii) {
        std::uint32_t prev = 0;
        while (i < s.size()) {
            // ASCII letters and digits, the most of any text, without decoding them
            while (i < s.size() && model::ascii::is_alnum(s[i])) prev = static_cast<unsigned char>(s[i++]);
            if (i == s.size()) break;
            const CodePoint cp = decode(s, i);
            if (is_word_char(cp.value)) {
                ascii = ascii && cp.value < 0x80;
                prev = cp.value;
                i += cp.length;
                continue;
            }
            if (i + cp.length >= s.size()) break;
            const CodePoint next = decode(s, i + cp.length);
            const bool joins = ((is_apostrophe(cp.value) || cp.value == '-') && is_word_char(next.value)) ||
                               ((cp.value == '.' || cp.value == ',') && is_digit(prev) && is_digit(next.value));
            if (!joins) break;
            ascii = ascii && cp.value < 0x80;
            i += cp.length;
        }
        return i;
    }

    int intern_style(const Style& style) {
        for (std::size_t k = 0; k < out_.styles.size(); ++k)
            if (out_.styles[k] == style) return static_cast<int>(k);
        out_.styles.push_back(style);
        return static_cast<int>(out_.styles.size() - 1);
    }

    void walk(const Inlines& inlines, const Style& style) {
        for (const Inline& in : inlines) {
            switch (in.kind) {
                case InlineKind::text: text(in.text, intern_style(style)); break;
                case InlineKind::code: {
                    Token t;
                    t.text = in.text;
                    t.key = keys_.intern("`" + in.text);
                    t.word = t.code = true;
                    t.space_before = pending_space_;
                    t.style = intern_style(style);
                    t.format = format_of(style);
                    pending_space_ = false;
                    out_.tokens.push_back(std::move(t));
                    break;
                }
                case InlineKind::soft_break:
                case InlineKind::line_break: pending_space_ = true; break;
                case InlineKind::inserted:
                case InlineKind::deleted: walk(in.children, style); break;
                default: {
                    Style inner = style;
                    inner.push_back(Wrapper{in.kind, in.target, in.reference});
                    walk(in.children, inner);
                }
            }
        }
    }

    TokenStream& out_;
    KeyTable& keys_;
    bool pending_space_ = false;
};

template <class BlockT, class Out>
void collect_block_units(BlockT& block, Out& out) {
    switch (block.kind) {
        case model::BlockKind::paragraph: out.push_back(&block.inlines); break;
        case model::BlockKind::list:
            for (auto& item : block.items)
                for (auto& child : item.blocks) collect_block_units(child, out);
            break;
        case model::BlockKind::table:
            for (auto& row : block.rows)
                for (auto& cell : row.cells) out.push_back(&cell.inlines);
            break;
        case model::BlockKind::quote:
            for (auto& child : block.children) collect_block_units(child, out);
            break;
    }
}

template <class ClauseT, class Out>
void collect_units(ClauseT& clause, Out& out) {
    out.push_back(&clause.heading);
    for (auto& block : clause.blocks) collect_block_units(block, out);
}

}  // namespace

void TokenStream::add_unit(const Inlines& inlines, KeyTable& keys) { Tokenizer(*this, keys).unit(inlines); }

void TokenStream::add_text(std::string_view text, KeyTable& keys) {
    Tokenizer tokenizer(*this, keys);
    tokenizer.unit({});
    tokenizer.text(text, 0);
}

std::vector<const Inlines*> units_of(const model::Clause& clause) {
    std::vector<const Inlines*> out;
    collect_units(clause, out);
    return out;
}

std::vector<Inlines*> units_of(model::Clause& clause) {
    std::vector<Inlines*> out;
    collect_units(clause, out);
    return out;
}

std::vector<const Inlines*> units_of(const model::Block& block) {
    std::vector<const Inlines*> out;
    collect_block_units(block, out);
    return out;
}

std::vector<Inlines*> units_of(model::Block& block) {
    std::vector<Inlines*> out;
    collect_block_units(block, out);
    return out;
}

TokenStream tokenize(const std::vector<const model::Clause*>& clauses, KeyTable& keys) {
    TokenStream stream;
    std::vector<const Inlines*> units;
    for (const auto* clause : clauses)
        for (const Inlines* unit : units_of(*clause)) units.push_back(unit);
    // Room for a token every five bytes of the units' own words (a token and the space
    // before it take about six), not grown from nothing by doubling.
    std::size_t bytes = 0;
    for (const Inlines* unit : units)
        for (const model::Inline& in : *unit) bytes += in.text.size();
    stream.tokens.reserve(bytes / 5 + units.size());
    Tokenizer tokenizer(stream, keys);
    for (const Inlines* unit : units) tokenizer.unit(*unit);
    return stream;
}

namespace {

bool same_inlines(const Inlines& a, const Inlines& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t k = 0; k < a.size(); ++k)
        if (a[k].kind != b[k].kind || a[k].text != b[k].text || !same_inlines(a[k].children, b[k].children))
            return false;
    return true;
}

}  // namespace

bool same_reading(const model::Clause& a, const model::Clause& b) {
    // Clauses of paragraphs only (most): their units are the heading and the paragraphs.
    auto paragraphs = [](const model::Clause& c) {
        return std::all_of(c.blocks.begin(), c.blocks.end(),
                           [](const model::Block& block) { return block.kind == model::BlockKind::paragraph; });
    };
    if (paragraphs(a) && paragraphs(b))
        return a.blocks.size() == b.blocks.size() && same_inlines(a.heading, b.heading) &&
               std::equal(
                   a.blocks.begin(), a.blocks.end(), b.blocks.begin(),
                   [](const model::Block& x, const model::Block& y) { return same_inlines(x.inlines, y.inlines); });
    const std::vector<const Inlines*> ua = units_of(a), ub = units_of(b);
    if (ua.size() != ub.size()) return false;
    for (std::size_t k = 0; k < ua.size(); ++k)
        if (!same_inlines(*ua[k], *ub[k])) return false;
    return true;
}

std::string join_tokens(const std::vector<Token>& tokens, std::size_t begin, std::size_t end) {
    std::string out;
    for (std::size_t i = begin; i < end; ++i) {
        if (tokens[i].boundary()) {
            if (!out.empty() && out.back() != ' ') out += ' ';
            continue;
        }
        if (!out.empty() && tokens[i].space_before && out.back() != ' ') out += ' ';
        out += tokens[i].text;
    }
    return out;
}

int count_words(const std::vector<Token>& tokens, std::size_t begin, std::size_t end) {
    return static_cast<int>(std::count_if(tokens.begin() + static_cast<std::ptrdiff_t>(begin),
                                          tokens.begin() + static_cast<std::ptrdiff_t>(end),
                                          [](const Token& t) { return t.word; }));
}

}  // namespace protopub::redline::detail
