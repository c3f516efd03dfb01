// Sections, introductions and front matter: which section of OLD each section of NEW
// continues, and the changes to headings, section numbers, introductions (the text
// before a section's first clause, all of a preamble section) and front-matter fields.
//
// A section is the same section when it keeps its id; else when most of its clauses
// came from one old section in order (a renamed section whose id changed with it); else
// when the headings are alike and the section sits between the same neighbours.
#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <unordered_map>

#include "model/string_hash.hpp"
#include "model/text.hpp"
#include "redline/tokens.hpp"

namespace protopub::redline::detail {

using model::ChangeKind;
using model::Protocol;
using model::Section;
using model::shorten;

namespace {

std::vector<std::uint32_t> bag_of(const std::vector<Token>& tokens) {
    std::vector<std::uint32_t> bag;
    for (const Token& t : tokens)
        if (!t.boundary()) bag.push_back(t.key);
    std::sort(bag.begin(), bag.end());
    return bag;
}

std::vector<Token> tokens_of(const std::vector<const model::Inlines*>& units, KeyTable& keys) {
    TokenStream stream;
    for (const model::Inlines* u : units) stream.add_unit(*u, keys);
    return std::move(stream.tokens);
}

std::vector<const model::Inlines*> intro_units(const std::vector<model::Block>& blocks) {
    std::vector<const model::Inlines*> out;
    for (const model::Block& b : blocks)
        for (const model::Inlines* u : units_of(b)) out.push_back(u);
    return out;
}

class SectionMatcher {
public:
    SectionMatcher(const ChangeSet& set, const Protocol& old, const Protocol& new_, const Options& options)
        : set_(set),
          old_(old),
          new_(new_),
          options_(options),
          match_(new_.sections.size(), -1),
          taken_(old_.sections.size(), false) {}

    std::vector<int> run() {
        match_ids();
        match_by_clauses();
        match_by_headings();
        return std::move(match_);
    }

private:
    void pair(std::size_t s, int o) {
        match_[s] = o;
        taken_[static_cast<std::size_t>(o)] = true;
    }

    void match_ids() {
        std::unordered_map<std::string, int, model::TextHash, std::equal_to<>> old_by_id;
        for (std::size_t o = 0; o < old_.sections.size(); ++o)
            old_by_id.emplace(old_.sections[o].id, static_cast<int>(o));
        for (std::size_t s = 0; s < new_.sections.size(); ++s) {
            auto it = old_by_id.find(new_.sections[s].id);
            if (it != old_by_id.end() && !taken_[static_cast<std::size_t>(it->second)]) pair(s, it->second);
        }
    }

    // Clauses that kept their order vote for the old section they came from; a section
    // continues the old section that gave it more than half of them.
    void match_by_clauses() {
        std::vector<std::map<int, int>> votes(new_.sections.size());
        for (const Change& c : set_.changes)
            if (c.part == Part::clause && c.kind != ChangeKind::moved && !c.old.empty() && !c.new_.empty())
                ++votes[static_cast<std::size_t>(c.new_[0].section)][c.old[0].section];
        for (std::size_t s = 0; s < new_.sections.size(); ++s) {
            if (match_[s] >= 0) continue;
            int total = 0, best = -1, best_votes = 0;
            for (const auto& [o, n] : votes[s]) {
                total += n;
                if (!taken_[static_cast<std::size_t>(o)] && n > best_votes) best = o, best_votes = n;
            }
            if (best >= 0 && 2 * best_votes > total) pair(s, best);
        }
    }

    // What is left: the most alike heading among the unmatched old sections between the
    // old sections matched to this one's neighbours.
    void match_by_headings() {
        if (std::find(match_.begin(), match_.end(), -1) == match_.end()) return;
        KeyTable keys;
        std::vector<std::vector<std::uint32_t>> old_bags, new_bags;
        for (const Section& s : old_.sections) old_bags.push_back(bag_of(tokens_of({&s.heading}, keys)));
        for (const Section& s : new_.sections) new_bags.push_back(bag_of(tokens_of({&s.heading}, keys)));
        for (std::size_t s = 0; s < new_.sections.size(); ++s) {
            if (match_[s] >= 0 || new_bags[s].empty()) continue;
            int low = -1, high = static_cast<int>(old_.sections.size());
            for (std::size_t p = s; p-- > 0;)
                if (match_[p] >= 0) {
                    low = match_[p];
                    break;
                }
            for (std::size_t n = s + 1; n < new_.sections.size(); ++n)
                if (match_[n] >= 0) {
                    high = match_[n];
                    break;
                }
            int best = -1;
            double best_similarity = options_.match_threshold;
            for (int o = low + 1; o < high; ++o) {
                const auto index = static_cast<std::size_t>(o);
                if (taken_[index] || old_.sections[index].kind != new_.sections[s].kind) continue;
                const double similarity = dice(old_bags[index], new_bags[s]);
                if (similarity >= best_similarity) best = o, best_similarity = similarity;
            }
            if (best >= 0) pair(s, best);
        }
    }

    const ChangeSet& set_;
    const Protocol& old_;
    const Protocol& new_;
    const Options& options_;
    std::vector<int> match_;
    std::vector<bool> taken_;
};

// The sections kept in order are the heaviest run of NEW's sections whose old places
// increase, each weighing the clauses it kept in order and its heading one: a section
// moves with its clauses, as the clause alignment has them. Every other section that
// continues one of OLD moved.
std::vector<bool> moved_sections(const ChangeSet& set) {
    const std::vector<int>& match = set.section_match;
    const std::size_t n = match.size();
    std::vector<long> weight(n, 1);
    for (const Change& c : set.changes)
        if (c.part == Part::clause && c.kind != ChangeKind::moved && !c.old.empty() && !c.new_.empty() &&
            match[static_cast<std::size_t>(c.new_[0].section)] == c.old[0].section)
            weight[static_cast<std::size_t>(c.new_[0].section)] += 2;
    // The heaviest chain ending at each section, over the earlier sections with a lower old
    // place: a prefix maximum over old places (a Fenwick tree), so a long protocol's
    // hundreds of sections cost n log n, not n squared. Of equal chains the earliest
    // section is taken.
    struct Chain {
        long weight = 0;
        int last = -1;
        bool beats(const Chain& other) const {
            return weight > other.weight ||
                   (weight == other.weight && last >= 0 && (other.last < 0 || last < other.last));
        }
    };
    const std::size_t places =
        match.empty() ? 0 : static_cast<std::size_t>(*std::max_element(match.begin(), match.end())) + 1;
    std::vector<Chain> tree(places + 1);
    std::vector<long> best(n, 0);
    std::vector<int> before(n, -1);
    int last = -1;
    for (std::size_t s = 0; s < n; ++s) {
        if (match[s] < 0) continue;
        Chain longest;  // of the sections before s whose old place is below match[s]
        for (auto k = static_cast<std::size_t>(match[s]); k > 0; k -= k & -k)
            if (tree[k].beats(longest)) longest = tree[k];
        best[s] = longest.weight + weight[s];
        before[s] = longest.last;
        const Chain here{best[s], static_cast<int>(s)};
        for (auto k = static_cast<std::size_t>(match[s]) + 1; k <= places; k += k & -k)
            if (here.beats(tree[k])) tree[k] = here;
        if (last < 0 || best[s] > best[static_cast<std::size_t>(last)]) last = static_cast<int>(s);
    }
    std::vector<bool> moved(n, false);
    for (std::size_t s = 0; s < n; ++s) moved[s] = match[s] >= 0;
    for (int s = last; s >= 0; s = before[static_cast<std::size_t>(s)]) moved[static_cast<std::size_t>(s)] = false;
    return moved;
}

// The number as written ("4"); a number only derived from the clauses is not the
// section's own and changes whenever its first clause moves.
std::string section_number(const Section& s) { return model::join_number(s.number.parts); }

// "Section 4", "Section 'Interpretation'" (no number), "Preamble (Summary)".
std::string section_name(const Section& s) {
    const std::string heading = model::plain_text(s.heading);
    if (s.kind == model::SectionKind::preamble)
        return heading.empty() ? "Preamble" : "Preamble (" + shorten(heading) + ")";
    const std::string number = section_number(s);
    const char* noun = s.level > 2 ? "Sub-heading " : "Section ";
    if (!number.empty()) return noun + number;
    return heading.empty() ? std::string("Untitled section") : noun + quoted(heading);
}

// "section 4" inside a sentence.
std::string lower_first(std::string s) {
    if (!s.empty()) s[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(s[0])));
    return s;
}

// "Introduction to section 4"; a preamble section is all introduction.
std::string intro_name(const Section& s) {
    if (s.kind == model::SectionKind::preamble) return section_name(s);
    return "Introduction to " + lower_first(section_name(s));
}

ClauseRef section_ref(const Protocol& p, int s) {
    const Section& section = p.sections[static_cast<std::size_t>(s)];
    return {section.id, section_number(section), s, -1, -1};
}

// "paragraphs 4.1 to 4.6", "paragraph 4.1", "no paragraphs".
std::string paragraphs_of(const Section& s) {
    if (s.clauses.empty()) return "no paragraphs";
    const std::string first = s.clauses.front().number.text, last = s.clauses.back().number.text;
    if (s.clauses.size() == 1) return "paragraph " + first;
    return "paragraphs " + first + " to " + last;
}

class SectionChanges {
public:
    SectionChanges(const ChangeSet& set, const Protocol& old, const Protocol& new_, const Options& options)
        : set_(set), old_(old), new_(new_), options_(options) {}

    // The changes of each section of the redline, in redline_sections() order.
    std::vector<std::vector<Change>> build(const std::vector<RedlineSection>& order) {
        std::vector<std::vector<Change>> out(order.size());
        for (std::size_t k = 0; k < order.size(); ++k) {
            const RedlineSection& r = order[k];
            if (r.moved_from) continue;  // the move is one change, at the new place
            if (r.deleted) {
                out[k].push_back(whole_section(ChangeKind::deleted, r.index));
                continue;
            }
            const int o = set_.section_match[static_cast<std::size_t>(r.index)];
            if (o < 0) {
                out[k].push_back(whole_section(ChangeKind::inserted, r.index));
                continue;
            }
            if (set_.section_moved[static_cast<std::size_t>(r.index)])
                out[k].push_back(moved_section(o, r.index));
            else if (auto heading = heading_change(o, r.index))
                out[k].push_back(std::move(*heading));
            if (auto intro = intro_change(o, r.index)) out[k].push_back(std::move(*intro));
        }
        return out;
    }

private:
    const Section& old_section(int o) const { return old_.sections[static_cast<std::size_t>(o)]; }
    const Section& new_section(int s) const { return new_.sections[static_cast<std::size_t>(s)]; }

    // A section inserted or deleted whole: its heading and introduction with it (its
    // clauses are changes of their own).
    Change whole_section(ChangeKind kind, int index) {
        const bool inserted = kind == ChangeKind::inserted;
        const Protocol& p = inserted ? new_ : old_;
        const Section& s = p.sections[static_cast<std::size_t>(index)];
        Change c;
        c.part = Part::section;
        c.kind = kind;
        c.similarity = 0.0;
        (inserted ? c.new_ : c.old).push_back(section_ref(p, index));
        std::vector<const model::Inlines*> units = intro_units(s.intro);
        units.insert(units.begin(), &s.heading);
        const std::vector<Token> tokens = tokens_of(units, keys_);
        (inserted ? c.words_inserted : c.words_deleted) = count_words(tokens, 0, tokens.size());
        const std::string heading = model::plain_text(s.heading);
        if (inserted) {
            c.summary = "New " + lower_first(section_name(s)) +
                        (heading.empty() || section_number(s).empty() ? "" : ": " + quoted(heading));
        } else {
            // Only the paragraphs that went with it: a sub-heading removed above
            // paragraphs that stay deletes none of them.
            std::vector<std::string> gone;
            for (const Change& clause : set_.changes)
                if (clause.part == Part::clause && clause.new_.empty() && clause.old[0].section == index)
                    gone.push_back(clause.old[0].number);
            const bool named = !section_number(s).empty();
            c.summary = section_name(s) + (heading.empty() || !named ? "" : " " + quoted(heading)) + " deleted";
            if (gone.size() == s.clauses.size() && !gone.empty())
                c.summary += ", with " + paragraphs_of(s);
            else if (gone.empty() && !s.clauses.empty())
                c.summary += "; " + paragraphs_of(s) + " kept";
            else if (!gone.empty())
                c.summary += ", with paragraph" + std::string(gone.size() > 1 ? "s " : " ") + gone.front() +
                             (gone.size() > 1 ? " to " + gone.back() : "");
        }
        return c;
    }

    // A section (or sub-heading) that stands elsewhere among the others, with the clauses
    // that went with it (moves of their own); its heading may have changed on the way.
    Change moved_section(int o, int s) {
        const Section& was = old_section(o);
        const Section& now = new_section(s);
        Change c;
        c.part = Part::section;
        c.kind = ChangeKind::moved;
        c.old = {section_ref(old_, o)};
        c.new_ = {section_ref(new_, s)};
        const std::vector<Token> a = tokens_of({&was.heading}, keys_), b = tokens_of({&now.heading}, keys_);
        measure(c, a, b, options_);
        c.consequential_references = 0;
        c.similarity = dice(bag_of(a), bag_of(b));
        c.move_id = "section-move-" + std::to_string(++moves_);
        const std::string heading = model::plain_text(now.heading);
        std::string name = section_name(now);
        if (!section_number(now).empty() && !heading.empty()) name += " " + quoted(heading);
        c.summary = name + " moved from " +
                    (o == 0 ? std::string("the start") : "after " + lower_first(section_name(old_section(o - 1))));
        if (c.old[0].number != c.new_[0].number && !c.old[0].number.empty())
            c.summary += " (formerly " + lower_first(section_name(was)) + ")";
        if (c.amended)
            c.summary += "; heading " + quoted(model::plain_text(was.heading)) + " replaced by " + quoted(heading);
        return c;
    }

    std::optional<Change> heading_change(int o, int s) {
        const Section& was = old_section(o);
        const Section& now = new_section(s);
        if (was.number.parts == now.number.parts && model::plain_text(was.heading) == model::plain_text(now.heading))
            return std::nullopt;
        Change c;
        c.part = Part::section;
        c.old = {section_ref(old_, o)};
        c.new_ = {section_ref(new_, s)};
        const std::vector<Token> a = tokens_of({&was.heading}, keys_), b = tokens_of({&now.heading}, keys_);
        measure(c, a, b, options_);
        const bool renumbered = c.old[0].number != c.new_[0].number;
        if (!c.amended && !renumbered) return std::nullopt;
        c.consequential_references = 0;
        c.kind = c.amended ? ChangeKind::amended : ChangeKind::renumbered;
        c.similarity = dice(bag_of(a), bag_of(b));
        std::string name = section_name(now);
        if (renumbered) name += " (formerly " + section_number(was) + ")";
        c.summary = c.amended ? name + " heading: " + quoted(model::plain_text(was.heading)) + " replaced by " +
                                    quoted(model::plain_text(now.heading))
                              : name + " renumbered; heading unchanged";
        return c;
    }

    std::optional<Change> intro_change(int o, int s) {
        const Section& was = old_section(o);
        const Section& now = new_section(s);
        if (same_text(was.intro, now.intro)) return std::nullopt;
        Change c;
        c.part = Part::introduction;
        c.old = {section_ref(old_, o)};
        c.new_ = {section_ref(new_, s)};
        std::vector<Token> a, b;
        diff_intro(was.intro, now.intro, a, b, c.script);
        count_script(c, a, b);
        if (!c.amended) return std::nullopt;
        c.consequential_references = 0;
        c.similarity = dice(bag_of(a), bag_of(b));
        const std::string name = intro_name(now);
        if (was.intro.empty() || now.intro.empty()) {
            c.kind = was.intro.empty() ? ChangeKind::inserted : ChangeKind::deleted;
            c.summary = name + (was.intro.empty() ? " inserted: " + quoted(join_tokens(b, 0, b.size()))
                                                  : " deleted: " + quoted(join_tokens(a, 0, a.size())));
        } else {
            c.kind = ChangeKind::amended;
            c.summary = name + ": " + describe_edits(c, a, b);
        }
        return c;
    }

    // The word diff of two introductions block by block, as the redline draws them (a
    // paragraph added is one insertion, not words run on from the paragraph before).
    void diff_intro(const std::vector<model::Block>& was, const std::vector<model::Block>& now, std::vector<Token>& a,
                    std::vector<Token>& b, std::vector<Run>& script) {
        auto add = [&](Op op, int count) {
            if (count == 0) return;
            if (!script.empty() && script.back().op == op)
                script.back().count += count;
            else
                script.push_back({op, count});
        };
        for (const BlockPair& pair : align_blocks(was, now, options_)) {
            std::vector<Token> old_words, new_words;
            if (pair.old_block >= 0)
                old_words = tokens_of(units_of(was[static_cast<std::size_t>(pair.old_block)]), keys_);
            if (pair.new_block >= 0)
                new_words = tokens_of(units_of(now[static_cast<std::size_t>(pair.new_block)]), keys_);
            // a boundary between this block and the one before, on each side that has both
            const bool old_boundary = !a.empty() && pair.old_block >= 0,
                       new_boundary = !b.empty() && pair.new_block >= 0;
            if (old_boundary) a.push_back(Token{});
            if (new_boundary) b.push_back(Token{});
            add(old_boundary && new_boundary ? Op::equal
                : old_boundary               ? Op::deleted
                                             : Op::inserted,
                old_boundary || new_boundary);
            bool replaced_whole = false;
            std::vector<Run> block_script = pair.old_block >= 0 && pair.new_block >= 0
                                                ? diff_tokens(old_words, new_words, options_, replaced_whole)
                                                : std::vector<Run>{};
            if (pair.old_block >= 0 && pair.new_block >= 0 && block_script.empty())
                block_script = {{Op::equal, static_cast<int>(old_words.size())}};
            if (pair.new_block < 0) block_script = {{Op::deleted, static_cast<int>(old_words.size())}};
            if (pair.old_block < 0) block_script = {{Op::inserted, static_cast<int>(new_words.size())}};
            for (const Run& r : block_script) add(r.op, r.count);
            a.insert(a.end(), old_words.begin(), old_words.end());
            b.insert(b.end(), new_words.begin(), new_words.end());
        }
    }

    const ChangeSet& set_;
    const Protocol& old_;
    const Protocol& new_;
    const Options& options_;
    KeyTable keys_;
    int moves_ = 0;
};

// The front-matter fields a committee reads, in the order a title page shows them.
struct Field {
    const char* key;
    const char* label;
    std::string (*value)(const model::Metadata&);
};
const Field front_matter_fields[] = {
    {"title", "Title", [](const model::Metadata& m) { return m.title; }},
    {"council", "Council", [](const model::Metadata& m) { return m.council; }},
    {"version", "Version", [](const model::Metadata& m) { return m.version; }},
    {"status", "Status", [](const model::Metadata& m) { return std::string(model::to_string(m.status)); }},
    {"adopted", "Adoption date", [](const model::Metadata& m) { return m.adopted; }},
    {"adopted_by", "Adopted by", [](const model::Metadata& m) { return m.adopted_by; }},
    {"minute", "Minute", [](const model::Metadata& m) { return m.minute; }},
    {"supersedes", "Supersedes", [](const model::Metadata& m) { return m.supersedes; }},
    {"constitution", "Constitution",
     [](const model::Metadata& m) {
         return m.constitution ? model::constitution_place(*m.constitution) : std::string();
     }},
};

std::vector<Change> front_matter_changes(const Protocol& old, const Protocol& new_, const Options& options) {
    std::vector<Change> out;
    KeyTable keys;
    for (const Field& f : front_matter_fields) {
        const std::string was = f.value(old.meta), now = f.value(new_.meta);
        if (was == now) continue;
        TokenStream a, b;
        a.add_text(was, keys);
        b.add_text(now, keys);
        Change c;
        c.part = Part::front_matter;
        measure(c, a.tokens, b.tokens, options);
        c.consequential_references = 0;
        c.similarity = dice(bag_of(a.tokens), bag_of(b.tokens));
        if (!was.empty()) c.old = {ClauseRef{f.key, "", -1, -1, -1}};
        if (!now.empty()) c.new_ = {ClauseRef{f.key, "", -1, -1, -1}};
        c.kind = was.empty() ? ChangeKind::inserted : now.empty() ? ChangeKind::deleted : ChangeKind::amended;
        const std::string label = f.label;
        c.summary = was.empty()   ? label + " " + quoted(now) + " added"
                    : now.empty() ? label + " " + quoted(was) + " removed"
                                  : label + ": " + quoted(was) + " replaced by " + quoted(now);
        out.push_back(std::move(c));
    }
    return out;
}

}  // namespace

bool same_text(const std::vector<model::Block>& old, const std::vector<model::Block>& new_) {
    if (old.size() != new_.size()) return false;
    for (std::size_t k = 0; k < old.size(); ++k)
        if (model::plain_text(old[k]) != model::plain_text(new_[k])) return false;
    return true;
}

std::vector<RedlineSection> redline_sections(const ChangeSet& set, std::size_t old_sections) {
    const std::vector<int>& section_match = set.section_match;
    // A moved section's old place stands where a deleted section would.
    std::vector<int> new_of_old(old_sections, -1);
    std::vector<bool> moved_away(old_sections, false);
    for (std::size_t s = 0; s < section_match.size(); ++s) {
        if (section_match[s] < 0) continue;
        const auto o = static_cast<std::size_t>(section_match[s]);
        if (s < set.section_moved.size() && set.section_moved[s])
            moved_away[o] = true;
        else
            new_of_old[o] = static_cast<int>(s);
    }
    // The last section of NEW holding a clause that kept its order and came from each old
    // section: a deleted section goes after those of the sections before it (after a new
    // sub-heading that took clauses of the section before, not between the two).
    std::vector<int> holds(old_sections, -1);
    for (const Change& c : set.changes)
        if (c.part == Part::clause && c.kind != ChangeKind::moved && !c.old.empty() && !c.new_.empty())
            for (const ClauseRef& r : c.new_)
                holds[static_cast<std::size_t>(c.old[0].section)] =
                    std::max(holds[static_cast<std::size_t>(c.old[0].section)], r.section);
    std::vector<std::vector<int>> deleted_after(section_match.size() + 1);  // by NEW section + 1
    int anchor = -1;
    for (std::size_t o = 0; o < old_sections; ++o) {
        if (new_of_old[o] >= 0) anchor = std::max(anchor, new_of_old[o]);
        if (new_of_old[o] < 0) deleted_after[static_cast<std::size_t>(anchor + 1)].push_back(static_cast<int>(o));
        anchor = std::max(anchor, holds[o]);
    }
    std::vector<RedlineSection> out;
    auto add_deleted = [&](int after) {
        for (int o : deleted_after[static_cast<std::size_t>(after + 1)])
            out.push_back({true, o, moved_away[static_cast<std::size_t>(o)]});
    };
    add_deleted(-1);
    for (std::size_t s = 0; s < section_match.size(); ++s) {
        out.push_back({false, static_cast<int>(s)});
        add_deleted(static_cast<int>(s));
    }
    return out;
}

std::vector<BlockPair> align_blocks(const std::vector<model::Block>& old, const std::vector<model::Block>& new_,
                                    const Options& options) {
    KeyTable keys;
    auto bags = [&](const std::vector<model::Block>& blocks) {
        std::vector<std::vector<std::uint32_t>> out;
        for (const model::Block& b : blocks) out.push_back(bag_of(tokens_of(units_of(b), keys)));
        return out;
    };
    const auto old_bags = bags(old), new_bags = bags(new_);
    const std::size_t p = old.size(), q = new_.size();
    // Blocks of the same shape pair when alike; an in-order alignment maximising the
    // total similarity (introductions are a few blocks).
    auto similarity = [&](std::size_t a, std::size_t b) {
        if (old[a].kind != new_[b].kind || units_of(old[a]).size() != units_of(new_[b]).size()) return -1.0;
        const double s = dice(old_bags[a], new_bags[b]);
        return s >= options.match_threshold ? s : -1.0;
    };
    std::vector<double> score((p + 1) * (q + 1), 0.0);
    auto at = [&](std::size_t a, std::size_t b) -> double& { return score[a * (q + 1) + b]; };
    for (std::size_t a = 1; a <= p; ++a)
        for (std::size_t b = 1; b <= q; ++b) {
            const double s = similarity(a - 1, b - 1);
            at(a, b) = std::max({at(a - 1, b), at(a, b - 1), s > 0 ? at(a - 1, b - 1) + s : 0.0});
        }
    std::vector<BlockPair> reversed;
    std::size_t a = p, b = q;
    while (a > 0 || b > 0) {
        const double s = a > 0 && b > 0 ? similarity(a - 1, b - 1) : -1.0;
        if (s > 0 && at(a, b) == at(a - 1, b - 1) + s) {
            --a, --b;
            reversed.push_back({static_cast<int>(a), static_cast<int>(b)});
        } else if (b > 0 && (a == 0 || at(a, b) == at(a, b - 1))) {
            reversed.push_back({-1, static_cast<int>(--b)});
        } else {
            reversed.push_back({static_cast<int>(--a), -1});
        }
    }
    return {reversed.rbegin(), reversed.rend()};
}

void add_section_changes(ChangeSet& set, const Protocol& old, const Protocol& new_, const Options& options) {
    set.section_match = SectionMatcher(set, old, new_, options).run();
    set.section_moved = moved_sections(set);
    const std::vector<RedlineSection> order = redline_sections(set, old.sections.size());
    std::vector<std::vector<Change>> section_changes = SectionChanges(set, old, new_, options).build(order);

    // A section's own changes go before the first change to its clauses.
    std::vector<int> slot_of_new(new_.sections.size()), slot_of_old(old.sections.size(), -1);
    for (std::size_t k = 0; k < order.size(); ++k)
        (order[k].deleted ? slot_of_old : slot_of_new)[static_cast<std::size_t>(order[k].index)] = static_cast<int>(k);
    for (std::size_t s = 0; s < new_.sections.size(); ++s)
        if (set.section_match[s] >= 0) slot_of_old[static_cast<std::size_t>(set.section_match[s])] = slot_of_new[s];
    std::vector<std::size_t> first(order.size() + 1, set.changes.size());
    for (std::size_t i = set.changes.size(); i-- > 0;) {
        const Change& c = set.changes[i];
        const int slot = c.new_.empty() ? slot_of_old[static_cast<std::size_t>(c.old[0].section)]
                                        : slot_of_new[static_cast<std::size_t>(c.new_[0].section)];
        first[static_cast<std::size_t>(slot)] = i;
    }
    for (std::size_t k = order.size(); k-- > 0;) first[k] = std::min(first[k], first[k + 1]);

    std::vector<Change> out = front_matter_changes(old, new_, options);
    out.reserve(out.size() + set.changes.size() + order.size());
    std::size_t slot = 0;
    for (std::size_t i = 0; i <= set.changes.size(); ++i) {
        for (; slot < order.size() && first[slot] <= i; ++slot)
            for (Change& c : section_changes[slot]) out.push_back(std::move(c));
        if (i < set.changes.size()) out.push_back(std::move(set.changes[i]));
    }
    set.changes = std::move(out);
}

}  // namespace protopub::redline::detail
