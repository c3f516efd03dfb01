#include <algorithm>
#include <optional>
#include <span>
#include <unordered_set>
#include <utility>

#include "model/facts.hpp"
#include "model/text.hpp"
#include "refs/refs.hpp"
#include "refs/scanner.hpp"

namespace protopub::refs {

using namespace protopub::model;

bool is_deleted_clause(const Clause& c) {
    // "[Deleted]" is one short paragraph: anything longer is not read at all
    if (!c.heading.empty() || c.blocks.size() != 1 || c.blocks[0].kind != BlockKind::paragraph) return false;
    std::size_t length = 0;
    for (const auto& in : c.blocks[0].inlines)  // stops early: a clause cited 10,000 times is long
        if ((length += in.text.size() + in.children.size() + 1) > 24) return false;
    std::string words = trim(plain_text(c));
    while (!words.empty() && (words.front() == '[' || words.front() == '(')) words.erase(0, 1);
    while (!words.empty() && (words.back() == ']' || words.back() == ')' || words.back() == '.')) words.pop_back();
    for (char& ch : words) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return words == "deleted" || words == "not used";
}

std::size_t ScanMemo::runs_under(const StatuteNames& names) {
    for (std::size_t k = 0; k < by_names_.size(); ++k)
        if (by_names_[k].names == names) return k;
    by_names_.push_back({names, {}});
    return by_names_.size() - 1;
}

const ScanMemo::Scan* ScanMemo::find(std::size_t names, std::string_view run, bool block_start) const {
    const auto& scanned = by_names_[names].scanned[block_start];
    const auto it = scanned.find(run);
    return it == scanned.end() ? nullptr : &it->second;
}

void ScanMemo::add(std::size_t names, std::string_view run, bool block_start, Scan scan) {
    by_names_[names].scanned[block_start].emplace(run, std::move(scan));
}

namespace {

using detail::Found;
using detail::InternalWord;

// A place an internal reference can point to.
struct Place {
    const std::vector<int>* number;  // the clause's parsed number (a section's: section_numbers_)
    std::string_view id;             // the clause's or section's own id, which outlives the index
    std::size_t order = 0;           // document order of clauses; sections take the clause before
    SourcePos pos;
    const Clause* clause = nullptr;  // nullptr for a section
};

// Places sorted by number, then document order: the places one number names are adjacent.
using PlaceIndex = std::vector<Place>;

// An internal reference waiting for every clause to be known.
struct Pending {
    std::size_t reference;
    InternalWord word;
    int direction;
    std::size_t order;  // document order of the citing clause
};

// Where each inline of a run starts in the run's plain text.
struct Segment {
    std::size_t begin;
    std::size_t inline_index;
};

class Resolver {
public:
    Resolver(Protocol& p, Diagnostics& diags, ScanMemo* memo) : p_(p), diags_(diags), memo_(memo) {}
    void run();

private:
    void walk(std::vector<Block>& blocks);
    void walk(Inlines& inlines);
    // "**Officer** means ...": a term in bold or italics, defined by the words after it.
    void emphasised_term(const Inline& term, const Inline& after);
    void add_term(std::string term, std::string_view sentence_text, std::size_t offset, SourcePos pos);
    // Scans the text and breaks in[first, last). Without references: returns false and
    // leaves them alone. With: appends them to `out`, references split out.
    bool scan_run(Inlines& in, std::size_t first, std::size_t last, Inlines& out);
    // Copies the words of text offsets [a, b) of the current run into `out`.
    void emit(const Inlines& in, std::size_t a, std::size_t b, Inlines& out) const;
    std::size_t segment_at(std::size_t offset) const;
    SourcePos pos_at(const Inlines& in, std::size_t offset) const;

    void index_places();
    void resolve(const Pending& pending);
    // the places numbered `parts` ("4.2" of "4.2(a)")
    std::span<const Place> lookup(const std::vector<int>& parts, InternalWord word) const;

    // Whether the scan of the next run depends on no statute cited before it (see ScanMemo).
    bool memo_applies() const { return memo_ && !context_.last_statute; }
    // The memo's runs under the statute names known now.
    std::size_t memo_runs() {
        if (!memo_runs_) memo_runs_ = memo_->runs_under(context_.statute_names);
        return *memo_runs_;
    }

    Protocol& p_;
    Diagnostics& diags_;
    ScanMemo* memo_;
    std::optional<std::size_t> memo_runs_;  // (forgotten when a definition may have named a statute)
    detail::ScanContext context_;
    std::string owner_id_;  // the clause or section whose words are read
    std::size_t order_ = 0;
    std::vector<Pending> pending_;
    std::unordered_set<std::string> defined_;  // terms already defined, lower case
    bool paragraph_start_ = false;             // the next inlines walked open a paragraph

    // buffers reused for every run
    std::string flat_;       // the run's words when it has several inlines
    std::string_view text_;  // the run's words (flat_, or its one text inline)
    std::vector<Segment> segments_;
    std::vector<Found> found_;
    std::vector<detail::FoundTerm> terms_;

    PlaceIndex clauses_;
    PlaceIndex sections_;
    std::vector<std::vector<int>> section_numbers_;  // reserved up front: places point into it
    std::vector<std::vector<int>> opening_run_;      // model::opening_run: where the text begins
};

bool in_run(InlineKind k) {
    return k == InlineKind::text || k == InlineKind::soft_break || k == InlineKind::line_break;
}

std::size_t Resolver::segment_at(std::size_t offset) const {
    auto it = std::upper_bound(segments_.begin(), segments_.end(), offset,
                               [](std::size_t o, const Segment& s) { return o < s.begin; });
    return static_cast<std::size_t>(it - segments_.begin()) - 1;
}

SourcePos Resolver::pos_at(const Inlines& in, std::size_t offset) const {
    const Segment& seg = segments_[segment_at(offset)];
    const Inline& piece = in[seg.inline_index];
    if (piece.kind != InlineKind::text || !piece.pos.known()) return {};
    return {piece.pos.line, piece.pos.column + static_cast<std::uint32_t>(offset - seg.begin)};
}

void Resolver::emit(const Inlines& in, std::size_t a, std::size_t b, Inlines& out) const {
    if (a >= b) return;
    for (std::size_t k = segment_at(a); k < segments_.size() && segments_[k].begin < b; ++k) {
        const std::size_t seg_begin = segments_[k].begin;
        const std::size_t seg_end = k + 1 < segments_.size() ? segments_[k + 1].begin : text_.size();
        const std::size_t lo = std::max(a, seg_begin);
        const std::size_t hi = std::min(b, seg_end);
        if (lo >= hi) continue;
        const Inline& piece = in[segments_[k].inline_index];
        if (piece.kind != InlineKind::text) {
            out.push_back(piece);  // a break
            continue;
        }
        Inline t;
        t.kind = InlineKind::text;
        t.text = piece.text.substr(lo - seg_begin, hi - lo);
        t.pos = piece.pos;
        if (t.pos.known()) t.pos.column += static_cast<std::uint32_t>(lo - seg_begin);
        out.push_back(std::move(t));
    }
}

void Resolver::add_term(std::string term, std::string_view sentence_text, std::size_t offset, SourcePos pos) {
    std::string key = term;
    for (char& ch : key) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (!defined_.insert(key).second) return;  // the first definition counts
    p_.terms.push_back({std::move(term), owner_id_, detail::sentence_around(sentence_text, offset), pos});
}

void Resolver::emphasised_term(const Inline& term, const Inline& after) {
    if ((term.kind != InlineKind::strong && term.kind != InlineKind::emphasis) || after.kind != InlineKind::text)
        return;
    if (term.children.size() != 1 || term.children[0].kind != InlineKind::text) return;
    const std::string& words = term.children[0].text;
    const std::string_view rest = after.text;
    if (words.empty() || words.size() > 60 || !std::isupper(static_cast<unsigned char>(words[0])) || rest.size() < 2 ||
        rest[0] != ' ' || detail::defining_verb(rest.substr(1)) == 0)
        return;
    add_term(words, words + after.text, 0, term.children[0].pos);
}

bool Resolver::scan_run(Inlines& in, std::size_t first, std::size_t last, Inlines& out) {
    segments_.clear();
    if (last - first == 1 && in[first].kind == InlineKind::text) {
        segments_.push_back({0, first});
        text_ = in[first].text;  // most runs are one line of words: read them in place
    } else {
        flat_.clear();
        for (std::size_t k = first; k < last; ++k) {
            segments_.push_back({flat_.size(), k});
            if (in[k].kind == InlineKind::text)
                flat_ += in[k].text;
            else
                flat_ += ' ';
        }
        text_ = flat_;
    }
    const bool memo_applies_here = memo_applies();
    if (const ScanMemo::Scan* seen =
            memo_applies_here ? memo_->find(memo_runs(), text_, context_.block_start) : nullptr) {
        context_.last_statute = seen->last_statute;
        if (seen->found.empty()) return false;
        found_ = seen->found;
    } else {
        found_.clear();
        terms_.clear();
        detail::scan(text_, context_, found_, terms_);
        for (auto& t : terms_) add_term(std::move(t.term), text_, t.begin, pos_at(in, t.begin));
        if (!terms_.empty())
            memo_runs_.reset();
        else if (memo_applies_here)
            memo_->add(memo_runs(), text_, context_.block_start, {found_, context_.last_statute});
        if (found_.empty()) return false;
    }

    std::size_t cursor = 0;
    for (auto& f : found_) {
        emit(in, cursor, f.begin, out);
        Reference r = std::move(f.ref);
        r.text = std::string(text_.substr(f.begin, f.end - f.begin));
        r.pos = pos_at(in, f.begin);
        for (std::size_t t = 0; t < r.targets.size() && t < f.target_offsets.size(); ++t)
            r.targets[t].pos = pos_at(in, f.target_offsets[t]);
        const std::size_t index = p_.references.size();
        if (r.kind == ReferenceKind::internal) pending_.push_back({index, f.internal_word, f.direction, order_});
        p_.references.push_back(std::move(r));

        Inline link;
        link.kind = InlineKind::reference;
        link.reference = static_cast<int>(index);
        link.pos = p_.references.back().pos;
        emit(in, f.begin, f.end, link.children);
        out.push_back(std::move(link));
        cursor = f.end;
    }
    emit(in, cursor, text_.size(), out);
    return true;
}

void Resolver::walk(Inlines& inlines) {
    const bool paragraph_start = std::exchange(paragraph_start_, false);
    // Rebuilt only from the first run that holds a reference; most paragraphs hold none.
    Inlines out;
    bool rebuilt = false;
    std::size_t k = 0;
    while (k < inlines.size()) {
        if (in_run(inlines[k].kind)) {
            std::size_t end = k;
            while (end < inlines.size() && in_run(inlines[end].kind)) ++end;
            context_.block_start = paragraph_start && k == 0;
            if (k > 0) emphasised_term(inlines[k - 1], inlines[k]);
            if (!rebuilt) {
                if (scan_run(inlines, k, end, out)) {
                    // what came before this run goes in front of it
                    out.insert(out.begin(), std::make_move_iterator(inlines.begin()),
                               std::make_move_iterator(inlines.begin() + static_cast<long>(k)));
                    rebuilt = true;
                }
            } else if (!scan_run(inlines, k, end, out)) {
                for (std::size_t j = k; j < end; ++j) out.push_back(std::move(inlines[j]));
            }
            k = end;
            continue;
        }
        Inline& in = inlines[k];
        // emphasis and marks may hold references; links, code and references may not
        if (in.kind != InlineKind::link && in.kind != InlineKind::reference && in.kind != InlineKind::code)
            walk(in.children);
        if (rebuilt) out.push_back(std::move(in));
        ++k;
    }
    if (rebuilt) inlines = std::move(out);
}

void Resolver::walk(std::vector<Block>& blocks) {
    for (auto& b : blocks) {
        switch (b.kind) {
            case BlockKind::paragraph:
                paragraph_start_ = true;
                walk(b.inlines);
                break;
            case BlockKind::list:
                for (auto& item : b.items) walk(item.blocks);
                break;
            case BlockKind::table:
                for (auto& row : b.rows)
                    for (auto& cell : row.cells) walk(cell.inlines);
                break;
            case BlockKind::quote: walk(b.children); break;
        }
    }
}

bool by_number(const Place& a, const Place& b) {
    return *a.number != *b.number ? *a.number < *b.number : a.order < b.order;
}

void Resolver::index_places() {
    std::size_t order = 0;
    section_numbers_.reserve(p_.sections.size());
    for (const auto& s : p_.sections) {
        if (s.kind == SectionKind::preamble) continue;
        if (s.level <= 2) {
            section_numbers_.push_back(model::section_number(s));
            if (!section_numbers_.back().empty())
                sections_.push_back({&section_numbers_.back(), s.id, order, s.pos, nullptr});
        }
        for (const auto& c : s.clauses) {
            ++order;
            if (!c.number.empty())
                clauses_.push_back({&c.number.parts, c.id, order, c.number_pos.known() ? c.number_pos : c.pos, &c});
        }
    }
    // numbers mostly ascend in document order already: sort only when they do not
    for (PlaceIndex* index : {&clauses_, &sections_})
        if (!std::is_sorted(index->begin(), index->end(), by_number))
            std::sort(index->begin(), index->end(), by_number);
    opening_run_ = model::opening_run(p_);
}

std::span<const Place> Resolver::lookup(const std::vector<int>& parts, InternalWord word) const {
    auto find = [&](const PlaceIndex& index) {
        struct Compare {
            bool operator()(const Place& p, const std::vector<int>& n) const { return *p.number < n; }
            bool operator()(const std::vector<int>& n, const Place& p) const { return n < *p.number; }
        };
        auto [first, last] = std::equal_range(index.begin(), index.end(), parts, Compare{});
        return std::span<const Place>(first, last);
    };
    if (word == InternalWord::section) {
        if (auto s = find(sections_); !s.empty()) return s;
        return find(clauses_);
    }
    if (auto c = find(clauses_); !c.empty()) return c;
    return parts.size() == 1 ? find(sections_) : std::span<const Place>{};
}

void Resolver::resolve(const Pending& pending) {
    Reference& r = p_.references[pending.reference];
    const std::string& file = p_.source_path;
    const std::string quoted = "reference '" + r.text + "'";
    const char* noun = pending.word == InternalWord::section ? "section" : "clause";
    bool all = true;
    std::vector<const Place*> places_found(r.targets.size(), nullptr);
    for (std::size_t k = 0; k < r.targets.size(); ++k) {
        ReferenceTarget& target = r.targets[k];
        // one number: point at the reference; in a list, at the number that fails
        const SourcePos at = r.targets.size() > 1 && target.pos.known() ? target.pos : r.pos;
        std::vector<int> parts;
        const bool parsed = parse_clause_number(target.number.substr(0, target.number.find('(')), parts);
        const std::span<const Place> places = parsed ? lookup(parts, pending.word) : std::span<const Place>{};
        if (places.empty()) {
            if (parsed && model::before_the_text(parts, opening_run_))
                diags_.warning(file, at,
                               quoted + " is to a " + noun + " before this text begins (at " +
                                   join_number(opening_run_.front()) + "): not checked");
            else
                diags_.error(file, at, quoted + " points nowhere: there is no " + noun + " " + target.number);
            all = false;
            continue;
        }
        if (places.size() > 1) {
            r.ambiguous = true;
            all = false;
            diags_.warning(file, at,
                           quoted + " is ambiguous: " + target.number + " numbers more than one " + noun + " (lines " +
                               std::to_string(places[0].pos.line) + " and " + std::to_string(places[1].pos.line) + ")");
            continue;
        }
        const Place& place = places.front();
        target.clause_id = std::string(place.id);
        places_found[k] = &place;
        if (place.clause && is_deleted_clause(*place.clause))
            diags_.error(file, at, quoted + " points to " + noun + " " + target.number + ", which is deleted");
        if (pending.direction < 0 && place.order > pending.order)
            diags_.warning(file, at, quoted + " says 'above' but " + target.number + " comes later");
        if (pending.direction > 0 && place.order < pending.order)
            diags_.warning(file, at, quoted + " says 'below' but " + target.number + " comes earlier");
    }
    for (std::size_t k = 1; k < r.targets.size(); ++k) {
        if (!r.targets[k].range_end || !places_found[k - 1] || !places_found[k]) continue;
        if (places_found[k - 1]->order <= places_found[k]->order) continue;
        // a range alone: at the reference; a range in a list: at its first number
        const SourcePos at = r.targets.size() > 2 && r.targets[k - 1].pos.known() ? r.targets[k - 1].pos : r.pos;
        diags_.warning(
            file, at,
            quoted + " has a range that runs backwards: " + r.targets[k - 1].number + " to " + r.targets[k].number);
    }
    r.resolved = all;
}

void Resolver::run() {
    for (auto& s : p_.sections) {
        owner_id_ = s.id;
        context_.last_statute = nullptr;
        walk(s.intro);
        for (auto& c : s.clauses) {
            ++order_;
            owner_id_ = c.id;
            context_.last_statute = nullptr;
            walk(c.heading);  // "24.3 Access (see paragraph 24.5)" must follow a renumbering too
            walk(c.blocks);
        }
    }
    if (pending_.empty()) return;
    index_places();
    for (const auto& pending : pending_) resolve(pending);
}

}  // namespace

void resolve_references(Protocol& p, Diagnostics& diags, ScanMemo* memo) { Resolver(p, diags, memo).run(); }

}  // namespace protopub::refs
