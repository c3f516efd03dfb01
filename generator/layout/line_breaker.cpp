#include "layout/line_breaker.hpp"

#include <algorithm>
#include <optional>

namespace protopub::layout {

namespace {

// A piece of a word in one run's style ("*impartiality*," is two fragments).
struct Fragment {
    std::string text;
    int run = 0;
    double width = 0;
};

// Text between spaces: the unit lines are made of.
struct Word {
    std::vector<Fragment> parts;
    double width = 0;
    double space = 0;          // the space that follows it, in its run's style
    bool break_after = false;  // a hard line break follows
    bool hyphenated = false;   // ends in an added hyphen
    // A word broken across lines: its first piece copies as `whole`, later ones as nothing.
    enum class Piece : std::uint8_t { whole_word, first, later };
    Piece piece = Piece::whole_word;
    std::string whole;

    std::string text() const {
        std::string out;
        for (const auto& f : parts) out += f.text;
        return out;
    }
};

struct Line {
    std::vector<Word> words;
    double width = 0;
    bool ends_paragraph = false;   // last line or hard break: never stretched
};

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t'; }

class Breaker {
public:
    Breaker(const FontSet& fonts, const Hyphenator* hyphenator, const std::vector<Run>& runs)
        : fonts_(fonts), hyphenator_(hyphenator), runs_(runs) {}

    // The words of the runs; a word wider than `measure` comes as pieces that fit it
    // (joined with no space), so breaking it costs time linear in its length.
    std::vector<Word> words(double measure = 0) const {
        std::vector<Word> out;
        Word current;
        auto finish_word = [&] {
            if (current.parts.empty()) return;
            if (measure > 0 && current.width > measure) chop(std::move(current), measure, out);
            else out.push_back(std::move(current));
            current = {};
        };
        for (int r = 0; r < static_cast<int>(runs_.size()); ++r) {
            const std::string& t = runs_[r].text;
            for (std::size_t i = 0; i < t.size();) {
                if (is_space(t[i])) {
                    finish_word();
                    if (!out.empty() && t[i] == '\n') out.back().break_after = true;
                    else if (!out.empty() && out.back().space == 0) out.back().space = width(" ", r);
                    ++i;
                    continue;
                }
                std::size_t end = i;
                while (end < t.size() && !is_space(t[end])) ++end;
                Fragment f{t.substr(i, end - i), r, 0};
                f.width = width(f.text, r);
                current.width += f.width;
                current.parts.push_back(std::move(f));
                i = end;
            }
        }
        finish_word();
        return out;
    }

    // Greedy first fit: each line takes as many words as fit; the word that does not
    // fit is hyphenated when a hyphenation point leaves a head that fits.
    std::vector<Line> lines(std::vector<Word> words, double first_measure, double measure, bool hyphenate) const {
        std::vector<Line> out;
        Line line;
        auto room = [&] { return out.empty() ? first_measure : measure; };
        auto close = [&](bool ends_paragraph) {
            line.ends_paragraph = ends_paragraph;
            out.push_back(std::move(line));
            line = {};
        };
        auto add = [&](Word w) {
            line.width += (line.words.empty() ? 0 : line.words.back().space) + w.width;
            const bool hard = w.break_after;
            line.words.push_back(std::move(w));
            if (hard) close(true);
        };
        constexpr double tolerance = 0.01;
        std::optional<Word> carry;
        for (std::size_t k = 0; carry || k < words.size();) {
            Word w = carry ? std::move(*carry) : std::move(words[k++]);
            carry.reset();
            const double gap = line.words.empty() ? 0 : line.words.back().space;
            const double left = room() - line.width - gap;
            if (w.width <= left + tolerance) {
                add(std::move(w));
                continue;
            }
            // Hyphenate only when breaking before the word would leave a loose line, and
            // rarely twice running; a hyphen or slash already in the word always serves.
            const bool after_hyphen = !out.empty() && out.back().words.back().hyphenated;
            const bool loose = room() - line.width > room() * (after_hyphen ? 0.25 : 0.08);
            // Nor the paragraph's last word: half a word alone on the last line looks lost.
            const bool last_word = k >= words.size();
            if (auto split = split_at_hyphen(w, left, hyphenate && loose && !last_word)) {
                add(std::move(split->first));
                carry = std::move(split->second);
                close(false);
                continue;
            }
            if (line.words.empty()) {   // longer than the whole measure: break anywhere
                auto split = split_to_fit(w, room());
                add(std::move(split.first));
                if (!split.second.parts.empty()) carry = std::move(split.second);
                if (!line.words.empty()) close(false);
                continue;
            }
            close(false);
            carry = std::move(w);
        }
        if (!line.words.empty()) close(true);
        if (!out.empty()) out.back().ends_paragraph = true;
        return out;
    }

    double width(std::string_view text, int run) const { return fonts_.width(text, runs_[run].style); }

private:
    // Copying keeps a short broken word whole; a long token (an address, a base64 blob)
    // copies as its pieces, or its first piece would repeat the lot.
    static constexpr std::size_t longest_copied_whole = 200;

    void chop(Word w, double measure, std::vector<Word>& out) const {
        const std::string whole = w.text();
        const std::size_t first_piece = out.size();
        Word piece;
        for (const auto& f : w.parts) {
            const TextStyle& style = runs_[f.run].style;
            const FontMetrics& m = fonts_.metrics(style.face);
            std::size_t start = 0;
            double taken = 0;
            for (std::size_t i = 0; i < f.text.size();) {
                const std::size_t at = i;
                const double advance = m.advance(next_code_point(f.text, i)) * style.size / 1000;
                if (piece.width + taken + advance > measure && (at > start || !piece.parts.empty())) {
                    if (at > start) piece.parts.push_back({f.text.substr(start, at - start), f.run, taken});
                    piece.width += taken;
                    out.push_back(std::move(piece));
                    piece = {};
                    start = at;
                    taken = 0;
                }
                taken += advance;
            }
            piece.parts.push_back({f.text.substr(start), f.run, taken});
            piece.width += taken;
        }
        piece.space = w.space;
        piece.break_after = w.break_after;
        out.push_back(std::move(piece));
        for (std::size_t k = first_piece; k < out.size(); ++k) out[k].piece = Word::Piece::later;
        out[first_piece].piece = Word::Piece::first;
        for (std::size_t k = first_piece; whole.size() <= longest_copied_whole && k < out.size(); ++k) out[k].whole = whole;
    }

    // Splits `w` before byte `offset` of its text.
    std::pair<Word, Word> split(const Word& w, std::size_t offset) const {
        Word head, tail;
        std::size_t seen = 0;
        for (const auto& f : w.parts) {
            if (seen + f.text.size() <= offset) head.parts.push_back(f);
            else if (seen >= offset) tail.parts.push_back(f);
            else {
                const std::size_t cut = offset - seen;
                head.parts.push_back({f.text.substr(0, cut), f.run, width(f.text.substr(0, cut), f.run)});
                tail.parts.push_back({f.text.substr(cut), f.run, width(f.text.substr(cut), f.run)});
            }
            seen += f.text.size();
        }
        for (const auto& f : head.parts) head.width += f.width;
        for (const auto& f : tail.parts) tail.width += f.width;
        tail.space = w.space;
        tail.break_after = w.break_after;
        head.piece = w.piece == Word::Piece::whole_word ? Word::Piece::first : w.piece;
        head.whole = w.piece == Word::Piece::whole_word ? (w.text().size() <= longest_copied_whole ? w.text() : "") : w.whole;
        tail.piece = Word::Piece::later;
        tail.whole = head.whole;
        return {std::move(head), std::move(tail)};
    }

    // The longest head of `w` (after a hyphen, slash or dash already in the word, or at
    // a hyphenation point when `use_patterns`) that fits in `room` with its hyphen.
    std::optional<std::pair<Word, Word>> split_at_hyphen(const Word& w, double room, bool use_patterns) const {
        const std::string text = w.text();
        std::vector<std::pair<std::size_t, bool>> points;   // offset, needs an added hyphen
        for (std::size_t i = 1; i + 1 < text.size(); ++i)
            if (text[i] == '-' || text[i] == '/') points.push_back({i + 1, false});
        for (std::size_t i = 1; i + 4 < text.size(); ++i)
            if (text.compare(i, 3, "\u2014") == 0 || text.compare(i, 3, "\u2013") == 0) points.push_back({i + 3, false});
        if (hyphenator_ && use_patterns) {
            auto is_letter = [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; };
            std::size_t first = 0, last = text.size();
            while (first < last && !is_letter(text[first])) ++first;
            while (last > first && !is_letter(text[last - 1])) --last;
            for (std::size_t p : hyphenator_->points(std::string_view(text).substr(first, last - first)))
                points.push_back({first + p, true});
        }
        std::sort(points.begin(), points.end(), [](auto a, auto b) { return a.first > b.first; });
        for (auto [offset, add_hyphen] : points) {
            auto parts = split(w, offset);
            if (add_hyphen) {
                Fragment& end = parts.first.parts.back();
                const double hyphen = width("-", end.run);
                end.text += '-';
                end.width += hyphen;
                parts.first.width += hyphen;
                parts.first.hyphenated = true;
            }
            if (parts.first.width <= room) return parts;
        }
        return std::nullopt;
    }

    // At least one character, as many as fit in `room`.
    std::pair<Word, Word> split_to_fit(const Word& w, double room) const {
        const std::string text = w.text();
        std::size_t best = 0;
        for (std::size_t i = 0; i < text.size();) {
            next_code_point(text, i);
            if (best != 0 && split(w, i).first.width > room) break;
            best = i;
        }
        return split(w, best);
    }

    const FontSet& fonts_;
    const Hyphenator* hyphenator_;
    const std::vector<Run>& runs_;
};

// Sets text items of one line into `box`, merging neighbours of one style and link.
class LineSetter {
public:
    LineSetter(Box& box, const std::vector<Run>& runs, double baseline, double height)
        : box_(box), runs_(runs), baseline_(baseline), height_(height) {}

    // `after_space`: a space (stretched by `stretch`) separates `f` from the previous
    // fragment; otherwise they touch. A piece of a broken word is an item of its own,
    // carrying what copying it gives.
    void set(const Fragment& f, double x, bool after_space, double stretch, const Word* piece_of = nullptr,
             bool first_fragment = false) {
        const Run& run = runs_[f.run];
        if (run.changed) box_.change_bar = true;
        if (piece_of) {
            // A token too long to repeat (whole = "") copies as its pieces.
            const bool first = first_fragment && piece_of->piece == Word::Piece::first;
            box_.texts.push_back({x, baseline_, f.width, f.text, run.style, 0, run.element, !piece_of->whole.empty(),
                                  first ? piece_of->whole : ""});
        } else if (!standalone_ && last_run_ >= 0 && same_look(runs_[last_run_], run)) {
            TextItem& prev = box_.texts.back();
            if (after_space) {
                prev.text += ' ';
                prev.word_spacing = stretch;
            }
            prev.text += f.text;
            prev.width = x + f.width - prev.x;
        } else {
            box_.texts.push_back({x, baseline_, f.width, f.text, run.style, 0, run.element});
        }
        standalone_ = piece_of != nullptr;
        // One link area across the words of one link, even where justification spreads them.
        const bool continues_link = last_run_ >= 0 && runs_[last_run_].link == run.link;
        last_run_ = f.run;
        if (run.link.empty()) return;
        if (continues_link && !box_.links.empty())
            box_.links.back().width = x + f.width - box_.links.back().x;
        else
            box_.links.push_back({x, 0, f.width, height_, run.link, run.element});
    }

private:
    static bool same_look(const Run& a, const Run& b) {
        return a.style == b.style && a.link == b.link && a.element == b.element;
    }
    bool standalone_ = false;
    Box& box_;
    const std::vector<Run>& runs_;
    double baseline_, height_;
    int last_run_ = -1;
};

// Underlines (insertions) and strike-throughs (deletions) as rules in the text's colour,
// one rule across neighbouring words of one look, so a justified gap is not left bare.
void decorate(Box& line) {
    const std::size_t first_new = line.rules.size();
    for (const auto& t : line.texts) {
        for (const bool strike : {false, true}) {
            if (!(strike ? t.style.strike : t.style.underline)) continue;
            const double y = t.baseline + (strike ? -0.3 : 0.12) * t.style.size;
            const double thickness = t.style.size * 0.06;
            bool extended = false;
            for (std::size_t r = first_new; r < line.rules.size(); ++r) {
                RuleItem& rule = line.rules[r];
                if (rule.y1 == y && rule.colour == t.style.colour && rule.x2 <= t.x + 0.01 && t.x - rule.x2 < t.style.size * 1.5) {
                    rule.x2 = t.x + t.width;
                    extended = true;
                }
            }
            if (!extended) line.rules.push_back({t.x, y, t.x + t.width, y, thickness, t.style.colour});
        }
    }
}

}  // namespace

std::vector<Box> LineBreaker::break_lines(const ParagraphSpec& p) const {
    const Breaker breaker(fonts_, hyphenator_, p.runs);
    double label_width = 0;
    for (const auto& r : p.label) label_width += fonts_.width(r.text, r.style);
    // A label wider than its hanging column pushes the first line's words along.
    const double label_gap = p.label.empty() ? 0 : p.label.front().style.size * 0.4;
    const double first_offset = p.label.empty() ? 0 : std::max(0.0, p.label_x + label_width + label_gap - p.text_x);
    const double measure = std::max(1.0, p.right - p.text_x);
    auto lines = breaker.lines(breaker.words(measure), std::max(1.0, measure - first_offset), measure, p.hyphenate && hyphenator_);
    if (lines.empty() && !p.label.empty()) lines.emplace_back();

    const TextStyle& main = !p.runs.empty() ? p.runs.front().style : !p.label.empty() ? p.label.front().style : TextStyle{};
    const double baseline = (p.line_height + fonts_.ascent(main) - fonts_.descent(main)) / 2;
    std::vector<Box> boxes;
    boxes.reserve(lines.size());
    for (std::size_t n = 0; n < lines.size(); ++n) {
        const Line& line = lines[n];
        Box box;
        box.height = p.line_height;
        box.change_bar = p.change_bar;
        double x = p.text_x;
        if (n == 0) {
            double label_at = p.label_x;
            for (const auto& r : p.label) {
                const double w = fonts_.width(r.text, r.style);
                box.texts.push_back({label_at, baseline, w, r.text, r.style, 0, r.element});
                if (r.changed) box.change_bar = true;
                label_at += w;
            }
            x += first_offset;
        }
        const double room = (n == 0 ? measure - first_offset : measure) - line.width;
        std::size_t gaps = 0;   // pieces of one broken word are not stretched apart
        for (std::size_t w = 0; w + 1 < line.words.size(); ++w) gaps += line.words[w].space > 0;
        double stretch = 0;
        if (p.align == Align::justify && !line.ends_paragraph && gaps > 0) stretch = room / gaps;
        else if (p.align == Align::right) x += room;
        else if (p.align == Align::centre) x += room / 2;

        LineSetter setter(box, p.runs, baseline, p.line_height);
        for (std::size_t w = 0; w < line.words.size(); ++w) {
            const Word& word = line.words[w];
            const bool after_space = w > 0 && line.words[w - 1].space > 0;
            const Word* piece_of = word.piece == Word::Piece::whole_word ? nullptr : &word;
            for (std::size_t f = 0; f < word.parts.size(); ++f) {
                setter.set(word.parts[f], x, f == 0 && after_space, stretch, piece_of, f == 0);
                x += word.parts[f].width;
            }
            if (word.space > 0) x += word.space + stretch;
        }
        decorate(box);
        boxes.push_back(std::move(box));
    }
    // No orphan, no widow: the first two and the last two lines stay together.
    if (boxes.size() >= 2) {
        boxes.front().keep_with_next = true;
        boxes[boxes.size() - 2].keep_with_next = true;
    }
    return boxes;
}

double LineBreaker::natural_width(const std::vector<Run>& runs) const {
    const Breaker breaker(fonts_, nullptr, runs);
    double total = 0, pending_space = 0;
    for (const auto& w : breaker.words()) {
        total += pending_space + w.width;
        pending_space = w.space;
    }
    return total;
}

double LineBreaker::longest_word(const std::vector<Run>& runs) const {
    const Breaker breaker(fonts_, nullptr, runs);
    double longest = 0;
    for (const auto& w : breaker.words()) longest = std::max(longest, w.width);
    return longest;
}

}  // namespace protopub::layout
