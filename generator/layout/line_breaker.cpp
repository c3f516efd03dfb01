#include "layout/line_breaker.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <forward_list>
#include <limits>
#include <span>

#include "model/string_hash.hpp"

namespace protopub::layout {

namespace {

// The hyphenator's points of each word met, as bits (a word it splits is at most 60 bytes),
// in a table open-addressed by the word's hash, the words' letters in one buffer: looked up
// in a std::unordered_map of strings to vectors (a prime modulo, then a node and a string
// to compare, out of cache), they took 1.5% of an every-format redline's time.
class PointsMemo {
public:
    static_assert(Hyphenator::longest_word < 64);
    std::size_t size() const { return used_; }
    void clear() {
        slots_.assign(1024, Slot{});
        letters_.clear();
        used_ = 0;
        shift_ = 64 - std::countr_zero(slots_.size());
    }
    // The points of `word`: found by `find` the first time it is met.
    template <typename Find>
    std::uint64_t points(std::string_view word, Find find) {
        if (slots_.empty()) clear();
        const std::uint64_t hash = model::hash_text(word);
        Slot& slot = slots_[place(hash, word)];
        if (slot.size != 0) return slot.bits;
        const std::uint64_t bits = find();
        slot = {hash, static_cast<std::uint32_t>(letters_.size()), static_cast<std::uint32_t>(word.size()), bits};
        letters_ += word;
        if (2 * ++used_ > slots_.size()) grow();  // (at most half full)
        return bits;
    }

private:
    struct Slot {
        std::uint64_t hash = 0;
        std::uint32_t at = 0, size = 0;  // the word in letters_; size 0: a free slot
        std::uint64_t bits = 0;
    };
    // Where `word` is, or the free slot where it would go.
    std::size_t place(std::uint64_t hash, std::string_view word) const {
        const std::size_t mask = slots_.size() - 1;
        for (std::size_t at = hash >> shift_;; at = (at + 1) & mask) {
            const Slot& s = slots_[at];
            if (s.size == 0 || (s.hash == hash && std::string_view(letters_).substr(s.at, s.size) == word)) return at;
        }
    }
    void grow() {
        std::vector<Slot> old(2 * slots_.size());
        old.swap(slots_);
        shift_ = 64 - std::countr_zero(slots_.size());
        for (const Slot& s : old)
            if (s.size != 0) slots_[place(s.hash, std::string_view(letters_).substr(s.at, s.size))] = s;
    }

    std::vector<Slot> slots_;
    std::string letters_;
    std::size_t used_ = 0;
    int shift_ = 0;  // 64 - log2 of the table's size: the hash's top bits pick a slot
};

// A piece of a word in one run's style ("*impartiality*," is two fragments). Its text
// is a view of the run's (the paragraph's runs outlive the breaking), so words are cut
// and joined again without copying them.
struct Fragment {
    std::string_view text;
    int run = 0;
    double width = 0;
    bool hyphen = false;  // an added hyphen follows the text (a word broken at the line's end)

    void append_to(std::string& out) const {
        out += text;
        if (hyphen) out += '-';
    }
    std::size_t size() const { return text.size() + hyphen; }  // what append_to adds
};

// A word's fragments, side by side: nearly every word has one, which is kept in the word
// itself (a vector for every word was most of line breaking's allocations).
class Fragments {
public:
    std::size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    Fragment* begin() { return data(); }
    Fragment* end() { return data() + size_; }
    const Fragment* begin() const { return data(); }
    const Fragment* end() const { return data() + size_; }
    Fragment& operator[](std::size_t k) { return data()[k]; }
    const Fragment& operator[](std::size_t k) const { return data()[k]; }
    Fragment& back() { return data()[size_ - 1]; }

    void push_back(const Fragment& f) {
        if (size_ == 0) {
            one_ = f;
        } else {
            if (size_ == 1) many_.assign(1, one_);
            many_.push_back(f);
        }
        ++size_;
    }
    // Keeps the first `n` (no more than there are).
    void keep_first(std::size_t n) {
        if (size_ > 1 && n == 1) one_ = many_.front();
        if (n <= 1)
            many_.clear();
        else
            many_.resize(n);
        size_ = n;
    }

private:
    Fragment* data() { return size_ <= 1 ? &one_ : many_.data(); }
    const Fragment* data() const { return size_ <= 1 ? &one_ : many_.data(); }
    Fragment one_;
    std::vector<Fragment> many_;  // all of them, when more than one
    std::size_t size_ = 0;
};

// Text between spaces: the unit lines are made of.
struct Word {
    Fragments parts;
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
        for (const auto& f : parts) f.append_to(out);
        return out;
    }
};

// A line points at its words rather than holding them: a word is large, and moving every
// word of a document into its line cost more than the pointers.
struct Line {
    std::vector<const Word*> words;
    double width = 0;
    bool ends_paragraph = false;  // last line or hard break: never stretched
};

// A paragraph set in lines: its words, the pieces of those a line ends inside, and the
// lines, which point into both (a list's words stay where they are as it grows; a deque
// did too, but allocated its first block even empty, as nearly every paragraph's is).
struct Lines {
    std::vector<Word> words;
    std::forward_list<Word> cut;
    std::vector<Line> lines;
};

// (read from a table: the words of every paragraph are found a byte at a time)
constexpr std::array<bool, 256> kSpace = [] {
    std::array<bool, 256> space{};
    space[' '] = space['\n'] = space['\t'] = true;
    return space;
}();
bool is_space(char c) { return kSpace[static_cast<unsigned char>(c)]; }

class Breaker {
public:
    // `justify`: spaces stretch and shrink to fill lines; otherwise lines are ragged and
    // total fit evens out their ends.
    Breaker(const FontSet& fonts, const Hyphenator* hyphenator, const std::vector<Run>& runs, bool justify = false)
        : fonts_(fonts), hyphenator_(hyphenator), runs_(runs), justify_(justify) {}

    // The words of the runs; a word wider than `measure` comes as pieces that fit it
    // (joined with no space), so breaking it costs time linear in its length.
    std::vector<Word> words(double measure = 0) const {
        std::vector<Word> out;
        // room for as many words as there are spaces, made once (grown, a long paragraph's
        // words were moved again and again)
        std::size_t spaces = 0;
        for (const Run& run : runs_)
            spaces += static_cast<std::size_t>(std::count(run.text.begin(), run.text.end(), ' '));
        out.reserve(spaces + 1);
        // The word being gathered is made in its place, the last of `out` (moved there
        // from a word of its own, each word was copied once more).
        Word* current = nullptr;
        auto finish_word = [&] {
            if (!current) return;
            if (measure > 0 && current->width > measure) {
                Word whole = std::move(*current);
                out.pop_back();
                chop(std::move(whole), measure, out);
            }
            current = nullptr;
        };
        for (int r = 0; r < static_cast<int>(runs_.size()); ++r) {
            const std::string_view t = runs_[r].text;
            double space = 0;  // the run's space, measured at its first
            for (std::size_t i = 0; i < t.size();) {
                if (is_space(t[i])) {
                    finish_word();
                    if (!out.empty() && t[i] == '\n') {
                        out.back().break_after = true;
                    } else if (!out.empty() && out.back().space == 0) {
                        if (space == 0) space = width(" ", r);
                        out.back().space = space;
                    }
                    ++i;
                    continue;
                }
                std::size_t end = i;
                while (end < t.size() && !is_space(t[end])) ++end;
                Fragment f{t.substr(i, end - i), r, 0};
                f.width = width(f.text, r);
                if (!current) current = &out.emplace_back();
                current->width += f.width;
                current->parts.push_back(f);
                i = end;
            }
        }
        finish_word();
        return out;
    }

    // Total fit (Knuth and Plass): of all the ways to break the paragraph, the one whose
    // lines are most evenly filled, counting a hyphen and two hyphens running as costs.
    // Breaks come after a space, after a hyphen, slash or dash inside a word, at
    // libhyphen's points (with an added hyphen) when `hyphenate`, and between the
    // pieces of a token wider than the measure. Time is linear in the paragraph's
    // length times the pieces one line can hold.
    Lines lines(std::vector<Word> words, double first_measure, double measure, bool hyphenate) const {
        Lines set{std::move(words), {}, {}};
        std::vector<Line>& out = set.lines;
        // A hard line break ends a run of words that is broken on its own.
        std::size_t start = 0;
        for (std::size_t k = 0; k < set.words.size(); ++k) {
            if (!set.words[k].break_after && k + 1 < set.words.size()) continue;
            const std::span<const Word> run = std::span<const Word>(set.words).subspan(start, k + 1 - start);
            auto run_lines = total_fit(run, out.empty() ? first_measure : measure, measure, hyphenate, set.cut);
            if (out.empty())  // (nearly every paragraph is one run: its lines are taken, not moved one by one)
                out = std::move(run_lines);
            else
                out.insert(out.end(), std::make_move_iterator(run_lines.begin()),
                           std::make_move_iterator(run_lines.end()));
            if (!out.empty()) out.back().ends_paragraph = true;
            start = k + 1;
        }
        return set;
    }

    double width(std::string_view text, int run) const { return fonts_.width(text, runs_[run].style); }

    // The width of an added hyphen in run `run`'s style, measured once per run (it was
    // measured at every place a word may be hyphenated).
    double hyphen_width(int run) const {
        if (hyphen_widths_.empty()) hyphen_widths_.assign(runs_.size(), -1);
        double& known = hyphen_widths_[static_cast<std::size_t>(run)];
        if (known < 0) known = width("-", run);
        return known;
    }

private:
    // A piece of a word between two places a line may end.
    // Bytes [from, to) of its word's text; the word itself is cut only if a line ends
    // inside it.
    struct Piece {
        std::size_t word_index = 0;
        std::size_t from = 0, to = 0;
        double width = 0;
        bool ends_word = false;     // a space (or the paragraph's end) follows
        bool added_hyphen = false;  // a line ending here ends in an added hyphen
        double hyphen_width = 0;
        double space = 0;  // after it, when it ends a word
    };

    // Calls take(fragment) for the fragments of bytes [from, to) of `w`'s text, each
    // measured (a whole fragment keeps its width).
    template <typename Take>
    void each_fragment(const Word& w, std::size_t from, std::size_t to, Take take) const {
        std::size_t seen = 0;
        for (const auto& f : w.parts) {
            const std::size_t a = std::max(from, seen), b = std::min(to, seen + f.text.size());
            if (a < b) {
                if (a == seen && b == seen + f.text.size())
                    take(f);
                else
                    take(Fragment{f.text.substr(a - seen, b - a), f.run, width(f.text.substr(a - seen, b - a), f.run)});
            }
            seen += f.text.size();
        }
    }

    // Bytes [from, to) of `w`'s text as a word of their own.
    Word cut(const Word& w, std::size_t from, std::size_t to) const {
        Word out;
        each_fragment(w, from, to, [&](const Fragment& f) {
            out.parts.push_back(f);
            out.width += f.width;
        });
        return out;
    }

    // Bytes [from, to) of word `index`, `w`, as cut() would measure them; a line ending
    // after them ends in an added hyphen when `hyphen`, in their last run's style.
    Piece piece(const Word& w, std::size_t index, std::size_t from, std::size_t to, bool hyphen) const {
        Piece p{index, from, to};
        int last_run = 0;
        each_fragment(w, from, to, [&](const Fragment& f) {
            p.width += f.width;
            last_run = f.run;
        });
        p.added_hyphen = hyphen;
        if (hyphen) p.hyphen_width = hyphen_width(last_run);
        return p;
    }

    static double cube(double x) { return x * x * x; }

    // How bad a line is that falls `short_by` short of its measure with `stretch` to give.
    static constexpr double worst_short_line = 10000;
    static double shortfall_badness(double short_by, double stretch) {
        return stretch > 0 ? std::min(worst_short_line, 100 * cube(short_by / stretch)) : worst_short_line;
    }

    // What a line costs that falls short by the most a badness counts, from each node: the
    // demerits of such a line (its penalty, and two hyphens running when both it and the
    // node's line end in one) plus the node's, summed as total_fit sums them. For every run
    // of nodes to the newest, the oldest of the cheapest is at hand: the nodes that cost
    // no more than every newer one, in order.
    class CheapestShortLine {
    public:
        CheapestShortLine(double penalty, bool hyphens_running) {
            base_ = (10 + worst_short_line) * (10 + worst_short_line) + penalty * penalty;
            if (hyphens_running) base_ += 3000;
            clear();
        }
        void clear() {
            kept_.assign(1, {-1, -std::numeric_limits<double>::infinity()});
            looked_at_ = 1;
        }
        void add(int node, double demerits) {
            const double cost = base_ + demerits;
            while (kept_.back().cost > cost) kept_.pop_back();  // (never the first)
            kept_.push_back({node, cost});
        }
        struct Entry {
            int node;
            double cost;
        };
        // The oldest of the cheapest nodes from `node` on (null: none was added). The node asked
        // for is nearly always where the last search ended (a binary search for each was a
        // twentieth of total fit), and anywhere else is searched for.
        const Entry* from(int node) {
            std::size_t at = std::min(looked_at_, kept_.size());
            if (kept_[at - 1].node >= node || (at < kept_.size() && kept_[at].node < node))
                at = static_cast<std::size_t>(std::lower_bound(kept_.begin() + 1, kept_.end(), node,
                                                               [](const Entry& e, int n) { return e.node < n; }) -
                                              kept_.begin());
            looked_at_ = at;
            return at == kept_.size() ? nullptr : &kept_[at];
        }

    private:
        double base_ = 0;
        // From the oldest node to the newest, after one that costs less than any: it is never
        // dropped, so adding needs no check for an empty list.
        std::vector<Entry> kept_;
        std::size_t looked_at_ = 1;  // where the last search ended
    };

    // The hyphenator's points for a word (bit k: before byte k), remembered: the same words
    // recur in every paragraph.
    std::uint64_t hyphenation_points(std::string_view letters) const {
        thread_local PointsMemo memo;
        thread_local const Hyphenator* memo_for = nullptr;
        if (memo_for != hyphenator_ || memo.size() > 200000) {
            memo.clear();
            memo_for = hyphenator_;
        }
        return memo.points(letters, [&] {
            std::uint64_t bits = 0;
            for (const std::size_t p : hyphenator_->points(letters)) bits |= std::uint64_t{1} << p;
            return bits;
        });
    }

    // std::isalpha in the "C" locale (protopub never sets another), without a call per letter.
    static bool is_letter(char c) { return static_cast<unsigned char>((c | 0x20) - 'a') < 26; }

    // Where a word may be broken: (offset, needs an added hyphen), ascending.
    void break_points(std::string_view text, bool use_patterns,
                      std::vector<std::pair<std::size_t, bool>>& points) const {
        points.clear();
        // The word's letters, without the punctuation around them, for the patterns, when
        // there are as many as the hyphenator splits (looking up any other finds nothing).
        const bool patterns = hyphenator_ && use_patterns;
        std::size_t first = 0, last = text.size();
        while (patterns && first < last && !is_letter(text[first])) ++first;
        while (patterns && last > first && !is_letter(text[last - 1])) --last;
        const std::string_view letters = text.substr(first, last - first);
        const auto add_patterns = [&] {
            if (patterns && letters.size() >= Hyphenator::shortest_word && letters.size() <= Hyphenator::longest_word)
                for (std::uint64_t bits = hyphenation_points(letters); bits != 0; bits &= bits - 1)
                    points.push_back({first + static_cast<std::size_t>(std::countr_zero(bits)), true});
        };
        // Most words have no hyphen, slash or dash inside: then the patterns' points (ascending,
        // each once) are all there are, and need no sorting.
        static constexpr std::array<bool, 256> is_mark = [] {
            std::array<bool, 256> mark{};
            mark['-'] = mark['/'] = mark[0xE2] = true;
            return mark;
        }();
        bool marks = false;
        for (std::size_t i = 1; i + 1 < text.size() && !marks; ++i)
            marks = is_mark[static_cast<unsigned char>(text[i])];
        if (!marks) return add_patterns();
        for (std::size_t i = 1; i + 1 < text.size(); ++i)
            if (text[i] == '-' || text[i] == '/') points.push_back({i + 1, false});
        for (std::size_t i = 1; i + 4 < text.size(); ++i)  // (both dashes' UTF-8 starts with 0xE2)
            if (text[i] == '\xE2' && (text.compare(i, 3, "\u2014") == 0 || text.compare(i, 3, "\u2013") == 0))
                points.push_back({i + 3, false});
        // Not inside a compound: its own hyphen is the place to break it.
        if (letters.find_first_of("-/") == std::string_view::npos) add_patterns();
        std::sort(points.begin(), points.end());
        points.erase(std::unique(points.begin(), points.end(), [](auto a, auto b) { return a.first == b.first; }),
                     points.end());
    }

    // Pieces of one word set together again: one fragment per run, measured whole (with
    // the kerning across the joins and before an added hyphen). The pieces of one run
    // are neighbours in its text, so joining them widens the view.
    void rejoin(Word& w) const {
        std::size_t kept = 0;
        for (const Fragment& f : w.parts) {
            if (kept > 0 && w.parts[kept - 1].run == f.run) {
                Fragment& last = w.parts[kept - 1];
                last.text = std::string_view(last.text.data(), f.text.data() + f.text.size() - last.text.data());
                last.hyphen = f.hyphen;
            } else {
                w.parts[kept++] = f;
            }
        }
        w.parts.keep_first(kept);
        w.width = 0;
        for (Fragment& f : w.parts)
            w.width += f.width = f.hyphen ? width(std::string(f.text) + '-', f.run) : width(f.text, f.run);
    }

    // How far past its measure a line may run and still be taken to fit it.
    static constexpr double tolerance = 0.01;

    // Whether total_fit's search, from the paragraph's start, keeps that start to the end and
    // can set every piece on its first line: its arithmetic, for that start alone.
    static bool one_line(const std::vector<Piece>& pieces, const std::vector<double>& width_to,
                         const std::vector<double>& shrink_to, double room, bool ragged) {
        const std::size_t n = pieces.size();
        for (std::size_t end = 1; end <= n; ++end) {
            const Piece& last = pieces[end - 1];
            const double trailing = last.ends_word ? last.space : 0;
            const double hyphen = last.added_hyphen ? last.hyphen_width : 0;
            const double trailing_shrink = last.ends_word && !ragged ? last.space / 3 : 0;
            const double natural = width_to[end] - width_to[0] - trailing + hyphen;
            const double shrink = shrink_to[end] - shrink_to[0] - trailing_shrink;
            if (natural - shrink > room + tolerance && end != 1) return false;  // the start drops out
            if (end == n) return natural <= room + tolerance;                   // the last line fits
        }
        return false;
    }

    // The pieces of the words a line ends inside go to `cut_words`.
    std::vector<Line> total_fit(std::span<const Word> words, double first_measure, double measure, bool hyphenate,
                                std::forward_list<Word>& cut_words) const {
        struct Node {
            std::size_t after = 0;  // the line before ends after piece `after - 1` (0: start)
            int line = 0;
            double demerits = 0;
            bool hyphenated = false;
            int previous = -1;  // index into nodes
        };
        // What a line from an active node needs, copied out of its node and the sums at
        // its start: every piece compares itself with each of them.
        struct Start {
            double width, stretch, shrink;  // the prefix sums where its line starts
            double room;                    // the measure of its line
            double widest;                  // room + tolerance: the most its line may run to
            double demerits;
            std::size_t first_end;  // the end of its line's first piece (a line of one piece never drops out)
            int node;
            bool hyphenated;
        };
        // By the penalty of a line's end: 0 (a space), 30 (a break inside a word), 50 (an added
        // hyphen, after a node that ends in one or not).
        struct Buffers {
            std::vector<Piece> pieces;
            std::vector<std::pair<std::size_t, bool>> points;
            std::vector<double> width_to, stretch_to, shrink_to;
            std::vector<Node> nodes;
            std::vector<Start> active;
            std::vector<std::size_t> breaks;
            CheapestShortLine short_after_space{0, false}, short_inside_word{30, false}, short_after_hyphen{50, false},
                short_after_hyphens{50, true};
        };
        // Kept from one paragraph to the next (of a thread): a long document is tens of
        // thousands of paragraphs, and each needed a dozen vectors of its own.
        thread_local Buffers buffers;
        auto& pieces = buffers.pieces;
        auto& points = buffers.points;
        auto& width_to = buffers.width_to;
        auto& stretch_to = buffers.stretch_to;
        auto& shrink_to = buffers.shrink_to;
        auto& nodes = buffers.nodes;
        auto& breaks = buffers.breaks;
        auto& active = buffers.active;
        auto& short_after_space = buffers.short_after_space;
        auto& short_inside_word = buffers.short_inside_word;
        auto& short_after_hyphen = buffers.short_after_hyphen;
        auto& short_after_hyphens = buffers.short_after_hyphens;
        // The pieces, in order.
        pieces.clear();
        for (std::size_t i = 0; i < words.size(); ++i) {
            const Word& w = words[i];
            const bool whole = w.piece == Word::Piece::whole_word;
            // Never the paragraph's last word: half a word alone on the last line looks lost.
            // One fragment (nearly every word) is looked at in place.
            const std::string joined = whole && w.parts.size() > 1 ? w.text() : std::string();
            const std::string_view text =
                w.parts.size() == 1 ? std::string_view(w.parts[0].text) : std::string_view(joined);
            points.clear();
            if (whole) break_points(text, hyphenate && i + 1 < words.size(), points);
            std::size_t from = 0;
            for (const auto& [offset, hyphen] : points) {
                pieces.push_back(piece(w, i, from, offset, hyphen));
                from = offset;
            }
            Piece last =
                from == 0 ? Piece{i, 0, std::string::npos, w.width} : piece(w, i, from, std::string::npos, false);
            last.ends_word = true;
            last.space = w.space;
            pieces.push_back(last);
        }
        const std::size_t n = pieces.size();
        if (n == 0) return {};

        // Prefix sums over pieces: width, and the stretch and shrink of spaces.
        const bool ragged = !justify_;
        for (auto* sums : {&width_to, &stretch_to, &shrink_to}) sums->assign(n + 1, 0);
        bool widths_grow = true;  // no piece narrower than nothing (a font's kerning could make one)
        for (std::size_t k = 0; k < n; ++k) {
            const double space = pieces[k].ends_word ? pieces[k].space : 0;
            widths_grow = widths_grow && pieces[k].width >= 0 && space >= 0;
            width_to[k + 1] = width_to[k] + pieces[k].width + space;
            stretch_to[k + 1] = stretch_to[k] + (ragged ? 0 : space / 2);
            shrink_to[k + 1] = shrink_to[k] + (ragged ? 0 : space / 3);
        }
        // A ragged line's shortfall is measured against two ems of give at its end.
        const double ragged_give = ragged ? 2 * (runs_.empty() ? 10.0 : runs_.front().style.size) : 0;

        // A paragraph whose words all fit on its first line is that one line: the search below
        // would choose it (no start it keeps grows too wide before the end, and a last line
        // costs the least a line can, where any other way is two lines or more), so it is not
        // searched. Nearly every heading, table cell and contents entry is such a paragraph.
        breaks.clear();
        if (one_line(pieces, width_to, shrink_to, first_measure, ragged)) {
            breaks.push_back(n);
        } else {
            nodes.clear();
            for (auto* cheapest : {&short_after_space, &short_inside_word, &short_after_hyphen, &short_after_hyphens})
                cheapest->clear();
            const auto add_node = [&](const Node& node) {
                const int index = static_cast<int>(nodes.size());
                nodes.push_back(node);
                short_after_space.add(index, node.demerits);
                short_inside_word.add(index, node.demerits);
                (node.hyphenated ? short_after_hyphens : short_after_hyphen).add(index, node.demerits);
            };
            add_node({0, 0, 0, false, -1});
            const auto start_at = [&](int node) {
                const Node& from = nodes[static_cast<std::size_t>(node)];
                const double room = from.line == 0 ? first_measure : measure;
                return Start{.width = width_to[from.after],
                             .stretch = stretch_to[from.after],
                             .shrink = shrink_to[from.after],
                             .room = room,
                             .widest = room + tolerance,
                             .demerits = from.demerits,
                             .first_end = from.after + 1,
                             .node = node,
                             .hyphenated = from.hyphenated};
            };
            // The active starts are active[head..]: those that drop out are nearly always the
            // oldest, so dropping them moves `head` rather than the rest.
            active.assign(1, start_at(0));
            std::size_t head = 0;
            for (std::size_t end = 1; end <= n; ++end) {
                const Piece& last = pieces[end - 1];
                const bool final = end == n;
                const double penalty = last.added_hyphen ? 50 : last.ends_word || final ? 0 : 30;
                // the same for every start (and added in the same order as ever, so the sums are
                // the same to the last bit)
                const double width_end = width_to[end], stretch_end = stretch_to[end], shrink_end = shrink_to[end];
                const double trailing = last.ends_word ? last.space : 0;
                const double hyphen = last.added_hyphen ? last.hyphen_width : 0;
                const double trailing_stretch = last.ends_word && !ragged ? last.space / 2 : 0;
                const double trailing_shrink = last.ends_word && !ragged ? last.space / 3 : 0;
                const bool hyphen_here = last.added_hyphen;
                const double short_line_demerits =
                    (10 + worst_short_line) * (10 + worst_short_line) + penalty * penalty;  // and never less
                const int newest = head == active.size() ? -1 : active.back().node;
                int best = -1;
                double best_demerits = 0;
                // the starts still possible after this piece are kept in place, in order
                std::size_t kept = head;
                // (read once: the stores below could be to the vector itself, for all the compiler knows)
                Start* const starts = active.data();
                const std::size_t count = active.size();
                for (std::size_t r = head; r < count; ++r) {
                    const Start& from = starts[r];
                    const double room = from.room;
                    const double natural = width_end - from.width - trailing + hyphen;
                    const double stretch = stretch_end - from.stretch - trailing_stretch + ragged_give;
                    const double shrink = shrink_end - from.shrink - trailing_shrink;
                    if (natural - shrink > from.widest && end != from.first_end) {  // too wide now, and ever after
                        if (r == head) kept = ++head;
                        continue;
                    }
                    if (kept != r) starts[kept] = from;
                    ++kept;
                    // A line from here falls short by the most a badness counts, and so does every
                    // line from a newer start (each shorter, with no more stretch, on the same
                    // measure: only the first node has another), so they differ only in what their
                    // nodes cost, and all stay active. When the starts from here are every node
                    // from here on (as they are unless rounding broke the order in which starts
                    // grow too wide), the oldest of the cheapest is looked up instead of each
                    // tried; otherwise, when the best so far costs no more than such a line, none
                    // of them can win.
                    // (how bad a line that falls short is, found once: the badness below is the same)
                    const bool falls_short = !final && natural < room;
                    const double shortfall = falls_short ? shortfall_badness(room - natural, stretch) : 0;
                    const bool shortest_lines =
                        widths_grow && falls_short && from.node != 0 && shortfall == worst_short_line;
                    const bool every_node_on = starts[count - 1].node - from.node == static_cast<int>(count - 1 - r);
                    if (shortest_lines && (every_node_on || (best >= 0 && best_demerits <= short_line_demerits))) {
                        if (every_node_on) {
                            const CheapestShortLine::Entry* cheapest = (hyphen_here      ? short_after_hyphen
                                                                        : last.ends_word ? short_after_space
                                                                                         : short_inside_word)
                                                                           .from(from.node);
                            if (hyphen_here) {  // the node's own line may end in a hyphen too
                                const CheapestShortLine::Entry* running = short_after_hyphens.from(from.node);
                                if (!cheapest ||
                                    (running && (running->cost < cheapest->cost ||
                                                 (running->cost == cheapest->cost && running->node < cheapest->node))))
                                    cheapest = running;
                            }
                            if (cheapest && (best < 0 || cheapest->cost < best_demerits)) {
                                best = cheapest->node;
                                best_demerits = cheapest->cost;
                            }
                        }
                        if (kept != r + 1) std::copy(starts + r + 1, starts + count, starts + kept);
                        kept += count - (r + 1);
                        break;
                    }
                    // a line costs at least 10 * 10 demerits: a node already that far behind the
                    // best cannot win here (and stays active for the pieces after)
                    if (best >= 0 && from.demerits + 100 >= best_demerits) continue;
                    double badness;
                    if (natural > from.widest)
                        badness = 1e6;  // a piece alone that cannot fit
                    else if (final)
                        badness = 0;  // the last line is not stretched
                    else if (natural >= room)
                        badness = shrink > 0 ? 100 * cube((natural - room) / shrink) : 0;
                    else
                        badness = shortfall;
                    double demerits = (10 + badness) * (10 + badness) + penalty * penalty;
                    if (hyphen_here && from.hyphenated) demerits += 3000;  // two hyphens running
                    demerits += from.demerits;
                    if (best < 0 || demerits < best_demerits) {
                        best = from.node;
                        best_demerits = demerits;
                    }
                }
                active.resize(kept);
                // Every candidate is too wide: start a line at the last piece alone.
                if (best < 0 && newest >= 0) {
                    best = newest;
                    best_demerits = nodes[static_cast<std::size_t>(best)].demerits + 1e12;
                    active.push_back(start_at(best));
                }
                if (best < 0) continue;
                add_node({end, nodes[static_cast<std::size_t>(best)].line + 1, best_demerits, last.added_hyphen, best});
                active.push_back(start_at(static_cast<int>(nodes.size()) - 1));
                if (final) break;
            }

            // Back from the end: the chosen breaks.
            for (int at = static_cast<int>(nodes.size()) - 1; at > 0; at = nodes[at].previous)
                breaks.push_back(nodes[at].after);
            std::reverse(breaks.begin(), breaks.end());
        }

        std::vector<Line> out;
        std::size_t from = 0;
        for (const std::size_t end : breaks) {
            Line line;
            line.words.reserve(end - from);
            for (std::size_t k = from; k < end;) {
                const std::size_t index = pieces[k].word_index;
                const std::size_t first_piece = k;
                while (k < end && pieces[k].word_index == index) ++k;
                const Piece& head = pieces[first_piece];
                const Piece& tail = pieces[k - 1];
                // A word set whole on one line is set as it is (its pieces set together again
                // would be the word itself); only a word a line ends inside is cut.
                const Word& original = words[index];
                if (head.from == 0 && tail.ends_word) {
                    line.width += (line.words.empty() ? 0 : line.words.back()->space) + original.width;
                    line.words.push_back(&original);
                    continue;
                }
                Word w = cut(original, head.from, tail.to);
                if (tail.ends_word) {
                    w.space = original.space;
                    w.break_after = original.break_after;
                }
                const std::string text = original.text();
                w.piece = head.from == 0 ? Word::Piece::first : Word::Piece::later;
                w.whole = text.size() <= longest_copied_whole ? text : "";
                if (!tail.ends_word && k == end && tail.added_hyphen) {
                    Fragment& f = w.parts.back();
                    f.hyphen = true;
                    f.width += tail.hyphen_width;
                    w.width += tail.hyphen_width;
                    w.hyphenated = true;
                }
                if (k - first_piece > 1 || w.hyphenated) rejoin(w);
                line.width += (line.words.empty() ? 0 : line.words.back()->space) + w.width;
                line.words.push_back(&cut_words.emplace_front(std::move(w)));
            }
            out.push_back(std::move(line));
            from = end;
        }
        if (!out.empty()) out.back().ends_paragraph = true;
        return out;
    }

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
            std::uint16_t previous = 0;  // kerning as FontSet::width counts it
            for (std::size_t i = 0; i < f.text.size();) {
                const std::size_t at = i;
                const char32_t c = next_code_point(f.text, i);
                const std::uint16_t glyph = m.glyph(c);
                const int kern = at > start && c != ' ' ? m.kerning(previous, glyph) : 0;
                previous = c == ' ' ? 0 : glyph;
                double advance = (m.glyph_advance(glyph) + kern) * style.size / 1000;
                if (piece.width + taken + advance > measure && (at > start || !piece.parts.empty())) {
                    if (at > start)
                        piece.parts.push_back(
                            {f.text.substr(start, at - start), f.run, width(f.text.substr(start, at - start), f.run)});
                    piece.width += taken;
                    out.push_back(std::move(piece));
                    piece = {};
                    start = at;
                    taken = 0;
                    advance = m.glyph_advance(glyph) * style.size / 1000;  // no kerning across the cut
                }
                taken += advance;
            }
            piece.parts.push_back({f.text.substr(start), f.run, width(f.text.substr(start), f.run)});
            piece.width += piece.parts.back().width;
        }
        piece.space = w.space;
        piece.break_after = w.break_after;
        out.push_back(std::move(piece));
        for (std::size_t k = first_piece; k < out.size(); ++k) out[k].piece = Word::Piece::later;
        out[first_piece].piece = Word::Piece::first;
        for (std::size_t k = first_piece; whole.size() <= longest_copied_whole && k < out.size(); ++k)
            out[k].whole = whole;
    }

    const FontSet& fonts_;
    const Hyphenator* hyphenator_;
    const std::vector<Run>& runs_;
    bool justify_;
    mutable std::vector<double> hyphen_widths_;  // by run; -1 until measured (a width is never negative)
};

// Sets text items of one line into `box`, merging neighbours of one style and link.
class LineSetter {
public:
    // `text_bytes`: the bytes of the line's fragments and a space after each, the most the
    // text items from any fragment on hold.
    LineSetter(Box& box, const std::vector<Run>& runs, double baseline, double height, std::size_t text_bytes)
        : box_(box), runs_(runs), baseline_(baseline), height_(height), bytes_left_(text_bytes) {}

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
            std::string text;
            f.append_to(text);
            box_.texts.push_back({x, baseline_, f.width, std::move(text), run.style, 0, run.element,
                                  !piece_of->whole.empty(), first ? piece_of->whole : ""});
        } else if (!standalone_ && last_run_ >= 0 && (f.run == last_run_ || same_look(runs_[last_run_], run))) {
            // (nearly every word follows one of its own run, which needs no comparing)
            TextItem& prev = box_.texts.back();
            if (after_space) {
                prev.text += ' ';
                prev.word_spacing = stretch;
            }
            f.append_to(prev.text);
            prev.width = x + f.width - prev.x;
        } else {
            std::string text;
            text.reserve(bytes_left_);  // (the words after it may join it: it grew word by word)
            f.append_to(text);
            box_.texts.push_back({x, baseline_, f.width, std::move(text), run.style, 0, run.element});
        }
        bytes_left_ -= std::min(bytes_left_, f.size() + 1);  // (never past 0: a reserve of that would throw)
        standalone_ = piece_of != nullptr;
        // One link area across the words of one link, even where justification spreads them.
        const bool continues_link = last_run_ >= 0 && (f.run == last_run_ || runs_[last_run_].link == run.link);
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
    std::size_t bytes_left_;  // of the fragments from the next on, and a space after each
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
                if (rule.y1 == y && rule.colour == t.style.colour && rule.x2 <= t.x + 0.01 &&
                    t.x - rule.x2 < t.style.size * 1.5) {
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
    const Breaker breaker(fonts_, hyphenator_, p.runs, p.align == Align::justify);
    double label_width = 0;
    for (const auto& r : p.label) label_width += fonts_.width(r.text, r.style);
    // A label wider than its hanging column pushes the first line's words along.
    const double label_gap = p.label.empty() ? 0 : p.label.front().style.size * 0.4;
    const double first_offset = p.label.empty() ? 0 : std::max(0.0, p.label_x + label_width + label_gap - p.text_x);
    const double measure = std::max(1.0, p.right - p.text_x);
    Lines set = breaker.lines(breaker.words(std::min(measure, std::max(1.0, measure - first_offset))),
                              std::max(1.0, measure - first_offset), measure, p.hyphenate && hyphenator_);
    std::vector<Line>& lines = set.lines;
    if (lines.empty() && !p.label.empty()) lines.emplace_back();

    const TextStyle& main = !p.runs.empty()    ? p.runs.front().style
                            : !p.label.empty() ? p.label.front().style
                                               : TextStyle{};
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
        std::size_t gaps = 0;  // pieces of one broken word are not stretched apart
        for (std::size_t w = 0; w + 1 < line.words.size(); ++w) gaps += line.words[w]->space > 0;
        std::size_t text_bytes = 0;
        for (const Word* word : line.words)
            for (const Fragment& f : word->parts) text_bytes += f.size() + 1;
        double stretch = 0;
        if (p.align == Align::justify && !line.ends_paragraph && gaps > 0)
            stretch = room / gaps;
        else if (p.align == Align::right)
            x += room;
        else if (p.align == Align::centre)
            x += room / 2;

        LineSetter setter(box, p.runs, baseline, p.line_height, text_bytes);
        for (std::size_t w = 0; w < line.words.size(); ++w) {
            const Word& word = *line.words[w];
            const bool after_space = w > 0 && line.words[w - 1]->space > 0;
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
