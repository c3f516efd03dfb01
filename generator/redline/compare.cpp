// Clause alignment: which clause of OLD became which clause of NEW.
//
// 1. same stable id; 2. same words (numbers are not words of a clause); 3. alike and in
// the same order, between the pairs found so far (the longest increasing subsequence of
// those pairs is the spine); 4. alike anywhere (a move). Pairs off the final spine are
// moves. Then splits and merges: an unpaired clause next to a pair joins it when the two
// together read like the one on the other side.
#include <algorithm>
#include <cctype>
#include <climits>
#include <optional>
#include <unordered_map>

#include "model/string_hash.hpp"
#include "model/text.hpp"
#include "redline/tokens.hpp"

namespace protopub::redline {

using model::ChangeKind;
using model::shorten;
using namespace detail;

const char* to_string(Part part) {
    switch (part) {
        case Part::clause: return "clause";
        case Part::section: return "section";
        case Part::introduction: return "introduction";
        case Part::front_matter: return "front_matter";
    }
    return "clause";
}

int ChangeSet::count(ChangeKind kind) const { return counts().of(kind); }

int ChangeSet::count(Part part) const { return counts().of(part); }

ChangeSet::Counts ChangeSet::counts() const {
    Counts n;
    for (const Change& c : changes) {
        ++n.parts[static_cast<std::size_t>(c.part)];
        if (c.part == Part::clause) ++n.kinds[static_cast<std::size_t>(c.kind)];
    }
    n.parts[static_cast<std::size_t>(Part::clause)] -= n.of(ChangeKind::unchanged);
    return n;
}

int ChangeSet::changed() const { return static_cast<int>(changes.size()) - count(ChangeKind::unchanged); }

namespace detail {

namespace {

std::size_t common(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b) {
    std::size_t i = 0, j = 0, n = 0;
    while (i < a.size() && j < b.size()) {
        if (a[i] < b[j])
            ++i;
        else if (b[j] < a[i])
            ++j;
        else
            ++n, ++i, ++j;
    }
    return n;
}

}  // namespace

double dice(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b) {
    if (a.empty() && b.empty()) return 1.0;
    return 2.0 * static_cast<double>(common(a, b)) / static_cast<double>(a.size() + b.size());
}

std::string quoted(const std::string& s) { return "'" + shorten(s) + "'"; }

void measure(Change& c, const std::vector<Token>& a, const std::vector<Token>& b, const Options& options) {
    c.script = diff_tokens(a, b, options, c.replaced_whole);
    count_script(c, a, b);
}

void count_script(Change& c, const std::vector<Token>& a, const std::vector<Token>& b) {
    std::size_t pa = 0, pb = 0;
    auto has_words = [](const std::vector<Token>& t, std::size_t begin, std::size_t end) {
        return std::any_of(t.begin() + static_cast<std::ptrdiff_t>(begin), t.begin() + static_cast<std::ptrdiff_t>(end),
                           [](const Token& x) { return !x.boundary(); });
    };
    const std::vector<Run> runs =
        c.script.empty() ? std::vector<Run>{{Op::equal, static_cast<int>(a.size())}} : c.script;
    for (const Run& r : runs) {
        const auto n = static_cast<std::size_t>(r.count);
        if (r.op == Op::deleted) c.words_deleted += count_words(a, pa, pa + n), c.amended |= has_words(a, pa, pa + n);
        if (r.op == Op::inserted) c.words_inserted += count_words(b, pb, pb + n), c.amended |= has_words(b, pb, pb + n);
        if (r.op == Op::equal)
            for (std::size_t k = 0; k < n; ++k)
                c.consequential_references += a[pa + k].key != b[pb + k].key && !a[pa + k].boundary();
        if (r.op != Op::inserted) pa += n;
        if (r.op != Op::deleted) pb += n;
    }
    // The redline still marks "6.4" -> "6.5" so Reject All gives back the old words.
    if (c.script.empty() && c.consequential_references) c.script = runs;
}

namespace {

// "now in italics", "no longer in bold", ...: how words set `was` came to be set `now`.
std::string describe_setting(std::uint8_t was, std::uint8_t now) {
    static const std::pair<Format, const char*> settings[] = {
        {italic, "in italics"}, {bold, "in bold"}, {struck, "struck through"}, {linked, "a link"}};
    std::string gained, lost;
    for (const auto& [bit, words] : settings) {
        if ((now & bit) && !(was & bit)) gained += (gained.empty() ? "" : " and ") + std::string(words);
        if ((was & bit) && !(now & bit)) lost += (lost.empty() ? "" : " and ") + std::string(words);
    }
    if (gained.empty() && lost.empty()) return "set differently";
    if (lost.empty()) return "now " + gained;
    if (gained.empty()) return "no longer " + lost;
    return "now " + gained + ", no longer " + lost;
}

}  // namespace

std::string describe_edits(const Change& c, const std::vector<Token>& a, const std::vector<Token>& b) {
    if (c.replaced_whole) return "reworded throughout";
    std::vector<std::string> phrases;
    std::size_t pa = 0, pb = 0, hunks = 0;
    for (std::size_t r = 0; r < c.script.size();) {
        if (c.script[r].op == Op::equal) {
            pa += static_cast<std::size_t>(c.script[r].count);
            pb += static_cast<std::size_t>(c.script[r].count);
            ++r;
            continue;
        }
        std::size_t del = 0, ins = 0;
        for (; r < c.script.size() && c.script[r].op != Op::equal; ++r)
            (c.script[r].op == Op::deleted ? del : ins) += static_cast<std::size_t>(c.script[r].count);
        const std::string old_changed = join_tokens(a, pa, pa + del), new_changed = join_tokens(b, pb, pb + ins);
        const bool words_changed = !old_changed.empty() || !new_changed.empty();  // not only the paragraphs
        hunks += words_changed;
        if (words_changed && phrases.size() < 3) {
            // Short replacements read better with the words that follow them:
            // "'five working days' replaced by 'ten working days'".
            std::size_t context = 0;
            if (del && ins && count_words(a, pa, pa + del) <= 2 && count_words(b, pb, pb + ins) <= 2)
                while (context < 2 && pa + del + context < a.size() && a[pa + del + context].word &&
                       r < c.script.size() && context < static_cast<std::size_t>(c.script[r].count))
                    ++context;
            const std::string old_words = join_tokens(a, pa, pa + del + context);
            const std::string new_words = join_tokens(b, pb, pb + ins + context);
            if (old_changed == new_changed)  // the same words, set differently
                phrases.push_back(quoted(new_changed) + " " + describe_setting(a[pa].format, b[pb].format));
            else if (del && ins)
                phrases.push_back(quoted(old_words) + " replaced by " + quoted(new_words));
            else if (del)
                phrases.push_back(quoted(old_words) + " deleted");
            else
                phrases.push_back(quoted(new_words) + " inserted");
        }
        pa += del;
        pb += ins;
    }
    std::string out;
    for (const auto& p : phrases) out += (out.empty() ? "" : "; ") + p;
    if (hunks > phrases.size())
        out += "; and " + std::to_string(hunks - phrases.size()) + " other change" +
               (hunks - phrases.size() > 1 ? "s" : "");
    return out;
}

}  // namespace detail

namespace {

// A clause's tokens, the sorted keys of its words and punctuation, and a hash of its text.
// (At namespace scope: as a nested class with a member initializer, clang cannot build
// it inside the std::optional that holds it.)
struct Words {
    std::vector<Token> tokens;
    std::vector<std::uint32_t> bag;
    std::size_t text_hash = 0;
};

// A clause of one version. Its words are tokenized the first time they are needed: a
// clause paired by id with a clause that reads the same (most of a long protocol) is
// never tokenized at all.
class ClauseInfo {
public:
    ClauseInfo(ClauseRef ref_, const model::Clause& clause_, KeyTable& keys)
        : ref(std::move(ref_)), clause(&clause_), id_given(clause_.id_given), keys_(&keys) {}

    ClauseRef ref;
    const model::Clause* clause = nullptr;
    bool id_given = false;
    int match = -1;  // the paired clause on the other side (1:1 pairs)

    const std::vector<Token>& tokens() const { return words().tokens; }
    std::vector<Token>& tokens() { return words().tokens; }
    // sorted keys of its words and punctuation
    const std::vector<std::uint32_t>& bag() const { return words().bag; }
    std::size_t text_hash() const { return words().text_hash; }
    // Set once its old clause numbers have been given the keys of the numbers they became.
    bool renumbering_marked = false;

private:
    Words& words() const {
        if (!words_) {
            words_.emplace();
            words_->tokens = tokenize({clause}, *keys_).tokens;
            std::size_t h = 1469598103934665603ull;
            for (const Token& t : words_->tokens) {
                if (t.boundary()) continue;
                words_->bag.push_back(t.key);
                h = (h ^ t.key) * 1099511628211ull;
            }
            std::sort(words_->bag.begin(), words_->bag.end());
            words_->text_hash = h;
        }
        return *words_;
    }
    KeyTable* keys_;
    mutable std::optional<Words> words_;
};

std::vector<ClauseInfo> index_version(const model::Protocol& p, KeyTable& keys) {
    std::vector<ClauseInfo> out;
    std::size_t clauses = 0;
    for (const auto& section : p.sections) clauses += section.clauses.size();
    out.reserve(clauses);  // (grown by doubling, every clause's strings were moved again and again)
    for (std::size_t s = 0; s < p.sections.size(); ++s) {
        const auto& clauses = p.sections[s].clauses;
        for (std::size_t c = 0; c < clauses.size(); ++c)
            out.emplace_back(ClauseRef{clauses[c].id, model::join_number(clauses[c].number.parts), static_cast<int>(s),
                                       static_cast<int>(c), static_cast<int>(out.size())},
                             clauses[c], keys);
    }
    return out;
}

// Two clauses that read the same to the tokenizer have the same words.
bool reads_the_same(const ClauseInfo& a, const ClauseInfo& b) { return same_reading(*a.clause, *b.clause); }

// The best Dice the two bags could reach, from their sizes alone: a cheap filter.
double dice_bound(std::size_t a, std::size_t b) {
    if (a + b == 0) return 1.0;
    return 2.0 * static_cast<double>(std::min(a, b)) / static_cast<double>(a + b);
}

std::vector<std::uint32_t> merged_bag(const std::vector<ClauseInfo>& side, const std::vector<int>& members) {
    std::vector<std::uint32_t> bag;
    for (int m : members) bag.insert(bag.end(), side[m].bag().begin(), side[m].bag().end());
    std::sort(bag.begin(), bag.end());
    return bag;
}

bool same_words(const ClauseInfo& x, const ClauseInfo& y) {
    if (x.text_hash() != y.text_hash() || x.bag().size() != y.bag().size()) return false;
    const std::vector<Token>& a = x.tokens();
    const std::vector<Token>& b = y.tokens();
    std::size_t i = 0, j = 0;
    for (;; ++i, ++j) {
        while (i < a.size() && a[i].boundary()) ++i;
        while (j < b.size() && b[j].boundary()) ++j;
        if (i == a.size() || j == b.size()) return i == a.size() && j == b.size();
        if (a[i].key != b[j].key) return false;
    }
}

// The old clauses a new clause could be at least `threshold` alike to (Dice), found
// without comparing it with every one (prefix filtering, as in set-similarity joins).
// A bag is a set of (key, occurrence) elements, so bag overlap is set overlap. Two bags
// A, B with Dice >= t share c >= t(|A|+|B|)/2 elements, and as |B| >= t|A|/(2-t), at
// least t|A|/(2-t) of them: then, with every bag's elements in one fixed order, the
// first |A| - that + 1 elements of A and of B have one in common. The order puts rare
// words first, so the lists of clauses holding an element stay short.
class MoveCandidates {
public:
    MoveCandidates(const std::vector<ClauseInfo>& old, const std::vector<int>& olds,
                   const std::vector<ClauseInfo>& new_, const std::vector<int>& news, double threshold)
        : threshold_(threshold), seen_(old.size(), 0) {
        std::unordered_map<std::uint32_t, std::uint32_t> frequency;
        for (int i : olds)
            for (std::uint32_t key : old[i].bag()) ++frequency[key];
        for (int j : news)
            for (std::uint32_t key : new_[j].bag()) ++frequency[key];
        std::vector<std::pair<std::uint32_t, std::uint32_t>> by_rarity;  // (frequency, key)
        for (const auto& [key, n] : frequency) by_rarity.emplace_back(n, key);
        std::sort(by_rarity.begin(), by_rarity.end());
        for (std::size_t r = 0; r < by_rarity.size(); ++r)
            rank_.emplace(by_rarity[r].second, static_cast<std::uint32_t>(r));
        for (int i : olds) {
            if (old[i].bag().empty()) empty_.push_back(i);
            for (std::uint64_t e : prefix(old[i].bag())) holders_[e].push_back(i);
        }
    }

    // Every old clause (of those given) at least `threshold` alike to `bag`, and perhaps
    // some others, in no particular order.
    const std::vector<int>& of(const std::vector<std::uint32_t>& bag) {
        ++stamp_;
        found_.clear();
        if (bag.empty()) {
            found_ = empty_;  // only an empty bag is like an empty bag
            return found_;
        }
        for (std::uint64_t e : prefix(bag)) {
            auto it = holders_.find(e);
            if (it == holders_.end()) continue;
            for (int i : it->second)
                if (seen_[static_cast<std::size_t>(i)] != stamp_)
                    seen_[static_cast<std::size_t>(i)] = stamp_, found_.push_back(i);
        }
        return found_;
    }

private:
    // The first elements of a bag in rarity order, as (rank << 32 | occurrence).
    std::vector<std::uint64_t> prefix(const std::vector<std::uint32_t>& bag) const {
        std::vector<std::uint64_t> elements;
        elements.reserve(bag.size());
        for (std::size_t k = 0; k < bag.size(); ++k) {
            const std::uint32_t occurrence =
                k > 0 && bag[k - 1] == bag[k] ? static_cast<std::uint32_t>(elements.back()) + 1 : 0;
            elements.push_back(static_cast<std::uint64_t>(rank_.at(bag[k])) << 32 | occurrence);
        }
        // Rounded down, so rounding never drops a clause that reaches the threshold.
        const double least_common = threshold_ * static_cast<double>(bag.size()) / (2.0 - threshold_) - 1e-9;
        const std::size_t common = least_common > 0 ? static_cast<std::size_t>(least_common) : 0;
        const std::size_t length = std::min(bag.size(), bag.size() - std::min(common, bag.size()) + 1);
        std::partial_sort(elements.begin(), elements.begin() + static_cast<std::ptrdiff_t>(length), elements.end());
        elements.resize(length);
        return elements;
    }

    double threshold_;
    std::unordered_map<std::uint32_t, std::uint32_t> rank_;
    std::unordered_map<std::uint64_t, std::vector<int>> holders_;
    std::vector<int> empty_, found_;
    std::vector<unsigned> seen_;
    unsigned stamp_ = 0;
};

class Aligner {
public:
    Aligner(std::vector<ClauseInfo>& old, std::vector<ClauseInfo>& new_, const Options& options)
        : old_(old), new_(new_), options_(options) {}

    void run() {
        match_ids();
        match_same_words();
        match_in_order();
        match_moves();
        spine_ = compute_spine();
    }

    // True when the pair of new clause j is on the spine (kept its relative order).
    bool on_spine(int j) const { return spine_[static_cast<std::size_t>(j)]; }

private:
    void pair(int i, int j) {
        old_[i].match = j;
        new_[j].match = i;
    }

    double similarity(int i, int j) const { return dice(old_[i].bag(), new_[j].bag()); }

    void match_ids() {
        std::unordered_map<std::string_view, int, model::TextHash> old_by_id;  // (the ids stay in place: not copied)
        for (std::size_t i = 0; i < old_.size(); ++i) old_by_id.emplace(old_[i].ref.id, static_cast<int>(i));
        for (std::size_t j = 0; j < new_.size(); ++j) {
            auto it = old_by_id.find(new_[j].ref.id);
            if (it == old_by_id.end() || old_[it->second].match >= 0) continue;
            const int i = it->second;
            // A written id is the clause's identity; a derived one (from its first words)
            // only counts when the words still agree.
            const bool both_given = old_[i].id_given && new_[j].id_given;
            if (both_given || reads_the_same(old_[i], new_[j]) ||
                similarity(i, static_cast<int>(j)) >= options_.match_threshold)
                pair(i, static_cast<int>(j));
        }
    }

    void match_same_words() {
        std::unordered_map<std::size_t, std::vector<int>> old_by_text;
        for (std::size_t i = 0; i < old_.size(); ++i)
            if (old_[i].match < 0) old_by_text[old_[i].text_hash()].push_back(static_cast<int>(i));
        for (std::size_t j = 0; j < new_.size(); ++j) {
            if (new_[j].match >= 0) continue;
            auto it = old_by_text.find(new_[j].text_hash());
            if (it == old_by_text.end()) continue;
            for (int i : it->second) {
                if (old_[i].match < 0 && same_words(old_[i], new_[j])) {
                    pair(i, static_cast<int>(j));
                    break;
                }
            }
        }
    }

    // The pairs in NEW's order whose old positions form a longest increasing subsequence.
    std::vector<bool> compute_spine() const {
        std::vector<int> js, tails, prev(new_.size(), -1);
        for (std::size_t j = 0; j < new_.size(); ++j)
            if (new_[j].match >= 0) js.push_back(static_cast<int>(j));
        for (int j : js) {
            // (most pairs follow the last in order: no search for those)
            const bool follows = tails.empty() || new_[tails.back()].match < new_[j].match;
            auto pos = follows ? tails.end()
                               : std::lower_bound(tails.begin(), tails.end(), new_[j].match,
                                                  [&](int tail_j, int old_i) { return new_[tail_j].match < old_i; });
            if (pos != tails.begin()) prev[j] = *(pos - 1);
            if (pos == tails.end())
                tails.push_back(j);
            else
                *pos = j;
        }
        std::vector<bool> spine(new_.size(), false);
        for (int j = tails.empty() ? -1 : tails.back(); j >= 0; j = prev[j]) spine[j] = true;
        return spine;
    }

    // Between two consecutive spine pairs, pairs alike clauses in order.
    void match_in_order() {
        const std::vector<bool> spine = compute_spine();
        int last_i = -1, last_j = -1;
        for (int j = 0; j <= static_cast<int>(new_.size()); ++j) {
            const bool end = j == static_cast<int>(new_.size());
            if (!end && !spine[j]) continue;
            const int i = end ? static_cast<int>(old_.size()) : new_[j].match;
            std::vector<int> gap_old, gap_new;
            for (int x = last_i + 1; x < i; ++x)
                if (old_[x].match < 0) gap_old.push_back(x);
            for (int y = last_j + 1; y < j; ++y)
                if (new_[y].match < 0) gap_new.push_back(y);
            align_gap(gap_old, gap_new);
            last_i = i, last_j = j;
        }
    }

    // Order-preserving alignment maximising the total similarity (a small dynamic
    // programme); very large gaps fall back to a greedy walk with a short look-ahead.
    void align_gap(const std::vector<int>& olds, const std::vector<int>& news) {
        const std::size_t p = olds.size(), q = news.size();
        if (p == 0 || q == 0) return;
        if (p * q > 40000) return align_gap_greedy(olds, news);
        std::vector<double> sim(p * q), score((p + 1) * (q + 1), 0.0);
        auto at = [&](std::size_t a, std::size_t b) -> double& { return score[a * (q + 1) + b]; };
        for (std::size_t a = 0; a < p; ++a)
            for (std::size_t b = 0; b < q; ++b) {
                const double s = similarity(olds[a], news[b]);
                sim[a * q + b] = s >= options_.match_threshold ? s : -1.0;
            }
        for (std::size_t a = 1; a <= p; ++a)
            for (std::size_t b = 1; b <= q; ++b) {
                double best = std::max(at(a - 1, b), at(a, b - 1));
                const double s = sim[(a - 1) * q + (b - 1)];
                if (s > 0) best = std::max(best, at(a - 1, b - 1) + s);
                at(a, b) = best;
            }
        for (std::size_t a = p, b = q; a > 0 && b > 0;) {
            const double s = sim[(a - 1) * q + (b - 1)];
            if (s > 0 && at(a, b) == at(a - 1, b - 1) + s) {
                pair(olds[a - 1], news[b - 1]);
                --a, --b;
            } else if (at(a, b) == at(a - 1, b)) {
                --a;
            } else {
                --b;
            }
        }
    }

    void align_gap_greedy(const std::vector<int>& olds, const std::vector<int>& news) {
        constexpr std::size_t window = 8;
        std::size_t a = 0, b = 0;
        while (a < olds.size() && b < news.size()) {
            bool found = false;
            for (std::size_t reach = 0; reach < window && !found; ++reach)
                for (std::size_t da = 0; da <= reach && !found; ++da) {
                    const std::size_t db = reach - da;
                    if (a + da >= olds.size() || b + db >= news.size()) continue;
                    if (similarity(olds[a + da], news[b + db]) >= options_.match_threshold) {
                        pair(olds[a + da], news[b + db]);
                        a += da + 1, b += db + 1;
                        found = true;
                    }
                }
            if (!found) ++a, ++b;
        }
    }

    // What is still unpaired may have moved: pair each new clause with the most alike
    // unpaired old clause anywhere. Only the old clauses that can reach move_threshold
    // are compared (MoveCandidates), so a shuffled version costs about linear time.
    void match_moves() {
        std::vector<int> olds, news;
        for (std::size_t i = 0; i < old_.size(); ++i)
            if (old_[i].match < 0) olds.push_back(static_cast<int>(i));
        for (std::size_t j = 0; j < new_.size(); ++j)
            if (new_[j].match < 0) news.push_back(static_cast<int>(j));
        if (olds.empty() || news.empty()) return;
        MoveCandidates candidates(old_, olds, new_, news, options_.move_threshold);
        for (int j : news) {
            int best = -1;
            double best_sim = options_.move_threshold;
            // The most alike; of equals, the first in OLD.
            for (int i : candidates.of(new_[j].bag())) {
                if (old_[i].match >= 0 || dice_bound(old_[i].bag().size(), new_[j].bag().size()) < best_sim) continue;
                const double s = similarity(i, static_cast<int>(j));
                if (s >= best_sim && (best < 0 || s > best_sim || i < best)) best = i, best_sim = s;
            }
            if (best >= 0) pair(best, static_cast<int>(j));
        }
    }

    std::vector<ClauseInfo>& old_;
    std::vector<ClauseInfo>& new_;
    const Options& options_;
    std::vector<bool> spine_;
};

// A group of clauses on each side that became each other: 1:1 for most, 1:n for a
// split, n:1 for a merge, 0:1 inserted, 1:0 deleted.
struct Group {
    std::vector<int> olds, news;
    bool moved = false;
};

class ChangeBuilder {
public:
    ChangeBuilder(std::vector<ClauseInfo>& old, std::vector<ClauseInfo>& new_, const Aligner& aligner,
                  const model::Protocol& old_protocol, const model::Protocol& new_protocol, const Options& options,
                  KeyTable& keys)
        : old_(old),
          new_(new_),
          aligner_(aligner),
          old_protocol_(old_protocol),
          new_protocol_(new_protocol),
          options_(options),
          keys_(keys) {}

    ChangeSet build() {
        form_groups();
        find_splits_and_merges();
        find_renumbering();
        ChangeSet set;
        set.changes.reserve(groups_.size());  // one change a group (grown by doubling, each moved again and again)
        std::vector<std::vector<int>> deleted_after(new_.size() + 1);  // by anchor + 1
        for (std::size_t g = 0; g < groups_.size(); ++g)
            if (groups_[g].news.empty() && !groups_[g].olds.empty())
                deleted_after[static_cast<std::size_t>(old_place_after(groups_[g].olds[0]) + 1)].push_back(
                    static_cast<int>(g));
        auto emit_deleted = [&](int anchor) {
            for (int g : deleted_after[static_cast<std::size_t>(anchor + 1)])
                set.changes.push_back(describe(groups_[g]));
        };
        emit_deleted(-1);
        for (std::size_t j = 0; j < new_.size(); ++j) {
            const Group& g = groups_[group_of_new_[j]];
            if (g.news.front() == static_cast<int>(j)) set.changes.push_back(describe(g));
            emit_deleted(static_cast<int>(j));
        }
        int moves = 0;
        for (Change& c : set.changes)
            if (c.kind == ChangeKind::moved) c.move_id = "move-" + std::to_string(++moves);
        return set;
    }

private:
    void form_groups() {
        group_of_new_.assign(new_.size(), -1);
        group_of_old_.assign(old_.size(), -1);
        for (std::size_t j = 0; j < new_.size(); ++j) {
            Group g;
            g.news = {static_cast<int>(j)};
            if (new_[j].match >= 0) {
                g.olds = {new_[j].match};
                g.moved = !aligner_.on_spine(static_cast<int>(j));
            }
            add_group(std::move(g));
        }
        for (std::size_t i = 0; i < old_.size(); ++i)
            if (old_[i].match < 0) add_group(Group{{static_cast<int>(i)}, {}, false});
    }

    void add_group(Group g) {
        const int index = static_cast<int>(groups_.size());
        for (int i : g.olds) group_of_old_[i] = index;
        for (int j : g.news) group_of_new_[j] = index;
        groups_.push_back(std::move(g));
    }

    // An unpaired clause joins the pair next to it when, together, they read like the
    // single clause on the other side much better than the pair alone does.
    void find_splits_and_merges() {
        for (std::size_t j = 0; j < new_.size(); ++j)
            if (new_[j].match < 0) try_join(static_cast<int>(j), new_, group_of_new_, &Group::news, &Group::olds, old_);
        for (std::size_t i = 0; i < old_.size(); ++i)
            if (old_[i].match < 0) try_join(static_cast<int>(i), old_, group_of_old_, &Group::olds, &Group::news, new_);
    }

    void try_join(int x, const std::vector<ClauseInfo>& side, std::vector<int>& group_of, std::vector<int> Group::*own,
                  std::vector<int> Group::*other, const std::vector<ClauseInfo>& other_side) {
        const int alone = group_of[x];
        if ((groups_[alone].*own).size() != 1 || !(groups_[alone].*other).empty()) return;
        for (int neighbour : {x - 1, x + 1}) {
            if (neighbour < 0 || neighbour >= static_cast<int>(side.size())) continue;
            Group& g = groups_[group_of[neighbour]];
            if (g.moved || (g.*other).size() != 1) continue;
            // A pair that reads the same is as alike as can be (Dice 1): nothing joined to
            // it can make it more alike, so its words are not needed.
            if ((g.*own).size() == 1 && reads_the_same(side[(g.*own)[0]], other_side[(g.*other)[0]])) continue;
            std::vector<int> members = g.*own;
            const std::vector<std::uint32_t>& target = other_side[(g.*other)[0]].bag();
            const double before = dice(merged_bag(side, members), target);
            members.push_back(x);
            std::sort(members.begin(), members.end());
            if (members.back() - members.front() + 1 != static_cast<int>(members.size())) continue;
            const double after = dice(merged_bag(side, members), target);
            if (after >= options_.split_threshold && after > before + 0.05) {
                g.*own = members;
                group_of[x] = group_of[neighbour];
                (groups_[alone].*own).clear();
                return;
            }
        }
    }

    // Old clause numbers that only changed because their target was renumbered compare
    // equal to the new number: consequential, not an amendment. So do section numbers
    // inside an internal reference ("section 17" -> "section 18", "12 above" -> "13 above")
    // when the section they name was renumbered (its clauses say which it became).
    // The tables are made here; a clause's tokens are marked when it is diffed.
    void find_renumbering() {
        // each section's number written once, not once for each of its clauses
        auto section_numbers = [](const model::Protocol& p) {
            std::vector<std::string> out;
            out.reserve(p.sections.size());
            for (const auto& section : p.sections) out.push_back(model::join_number(section.number.parts));
            return out;
        };
        const std::vector<std::string> old_sections = section_numbers(old_protocol_);
        const std::vector<std::string> new_sections = section_numbers(new_protocol_);
        for (const Group& g : groups_)
            if (g.olds.size() == 1 && g.news.size() == 1) {
                const ClauseInfo& was = old_[g.olds[0]];
                const ClauseInfo& now = new_[g.news[0]];
                const std::string& from = was.ref.number;
                const std::string& to = now.ref.number;
                if (!from.empty() && !to.empty() && from != to) renumbered_.emplace(from, to);
                const std::string& old_section = old_sections[static_cast<std::size_t>(was.ref.section)];
                const std::string& new_section = new_sections[static_cast<std::size_t>(now.ref.section)];
                if (!old_section.empty() && !new_section.empty() && old_section != new_section)
                    sections_renumbered_.emplace(old_section, new_section);
            }
    }

    void mark_renumbering(ClauseInfo& info) {
        if (info.renumbering_marked) return;
        info.renumbering_marked = true;
        if (renumbered_.empty() && sections_renumbered_.empty()) return;
        for (Token& t : info.tokens()) {
            if (!t.word) continue;
            const bool dotted = t.text.find('.') != std::string_view::npos;
            if (!dotted && !names_section(t)) continue;
            const auto& table = dotted ? renumbered_ : sections_renumbered_;
            auto it = table.find(std::string(t.text));
            if (it != table.end()) t.renumbered_key = keys_.intern(it->second);
        }
    }

    bool names_section(const Token& t) const {
        if (t.reference < 0 || t.reference >= static_cast<int>(old_protocol_.references.size())) return false;
        return old_protocol_.references[static_cast<std::size_t>(t.reference)].kind == model::ReferenceKind::internal;
    }

    // The position in NEW after which old clause i stood: after the nearest earlier old
    // clause that kept its place.
    int old_place_after(int i) const {
        for (int p = i - 1; p >= 0; --p) {
            const Group& g = groups_[group_of_old_[p]];
            if (!g.news.empty() && !g.moved) return g.news.back();
        }
        return -1;
    }

    // The tokens of a group's clauses on one side: the clause's own for a single clause,
    // joined with a boundary between clauses (into `joined`) for a split or merge.
    static const std::vector<Token>& tokens_of(const std::vector<ClauseInfo>& side, const std::vector<int>& members,
                                               std::vector<Token>& joined) {
        if (members.size() == 1) return side[members[0]].tokens();
        for (int m : members) {
            if (!joined.empty()) joined.push_back(Token{});
            joined.insert(joined.end(), side[m].tokens().begin(), side[m].tokens().end());
        }
        return joined;
    }

    // Each clause is in one group, described once: its ClauseRef moves into the change.
    Change describe(const Group& g) {
        Change c;
        c.old.reserve(g.olds.size());
        c.new_.reserve(g.news.size());
        for (int i : g.olds) c.old.push_back(std::move(old_[i].ref));
        for (int j : g.news) c.new_.push_back(std::move(new_[j].ref));
        if (g.olds.size() == 1 && g.news.size() == 1 && reads_the_same(old_[g.olds[0]], new_[g.news[0]])) {
            // The same words: nothing to diff (similarity 1, an empty script).
            c.kind = g.moved                               ? ChangeKind::moved
                     : c.old[0].number != c.new_[0].number ? ChangeKind::renumbered
                                                           : ChangeKind::unchanged;
            if (g.moved) c.old_place_after = old_place_after(g.olds[0]);
            c.summary = summarise(c, {}, {});
            return c;
        }
        for (int i : g.olds) mark_renumbering(old_[i]);
        std::vector<Token> joined_a, joined_b;
        const std::vector<Token>& a = tokens_of(old_, g.olds, joined_a);
        const std::vector<Token>& b = tokens_of(new_, g.news, joined_b);
        c.similarity = g.olds.size() == 1 && g.news.size() == 1  // (most: their own bags, not copies)
                           ? dice(old_[g.olds[0]].bag(), new_[g.news[0]].bag())
                           : dice(merged_bag(old_, g.olds), merged_bag(new_, g.news));
        if (g.olds.empty() || g.news.empty()) {
            c.kind = g.olds.empty() ? ChangeKind::inserted : ChangeKind::deleted;
            c.words_inserted = count_words(b, 0, b.size());
            c.words_deleted = count_words(a, 0, a.size());
            c.similarity = 0.0;
            if (c.kind == ChangeKind::deleted) c.old_place_after = old_place_after(g.olds[0]);
            c.summary =
                (c.kind == ChangeKind::inserted ? "New paragraph: '" + excerpt(b) : "Deleted: '" + excerpt(a)) + "'";
            return c;
        }
        measure(c, a, b, options_);
        if (g.olds.size() == 1 && g.news.size() == 1 && changes_structure(c.script, a, b)) {
            // a paragraph, list item, row or column added or removed: diffed unit by unit
            c.words_inserted = c.words_deleted = c.consequential_references = 0;
            c.amended = false;
            c.script =
                structural_diff(*old_[g.olds[0]].clause, a, *new_[g.news[0]].clause, b, options_, c.replaced_whole);
            count_script(c, a, b);
        }
        if (g.olds.size() > 1)
            c.kind = ChangeKind::merged;
        else if (g.news.size() > 1)
            c.kind = ChangeKind::split;
        else if (g.moved)
            c.kind = ChangeKind::moved;
        else if (c.amended)
            c.kind = ChangeKind::amended;
        else if (c.old[0].number != c.new_[0].number)
            c.kind = ChangeKind::renumbered;
        else
            c.kind = ChangeKind::unchanged;
        if (g.moved) c.old_place_after = old_place_after(g.olds[0]);
        c.summary = summarise(c, a, b);
        return c;
    }

    // ------------------------------------------------------------ summaries

    static std::string excerpt(const std::vector<Token>& t) { return shorten(join_tokens(t, 0, t.size())); }

    std::string section_title(int section) const {
        return model::plain_text(old_protocol_.sections[static_cast<std::size_t>(section)].heading);
    }

    static std::string numbers(const std::vector<ClauseRef>& refs) {
        std::string out;
        for (std::size_t k = 0; k < refs.size(); ++k)
            out += (k == 0 ? "" : k + 1 == refs.size() ? " and " : ", ") + refs[k].number;
        return out;
    }

    std::string summarise(const Change& c, const std::vector<Token>& a, const std::vector<Token>& b) const {
        std::string out;
        switch (c.kind) {
            case ChangeKind::moved:
                out = "Moved from " + (c.old[0].number.empty() ? std::string("its old place") : c.old[0].number) +
                      " (" + section_title(c.old[0].section) + ")";
                break;
            case ChangeKind::split: out = "Split into " + numbers(c.new_); break;
            case ChangeKind::merged: out = numbers(c.old) + " merged into " + c.new_[0].number; break;
            case ChangeKind::renumbered: out = "Renumbered from " + c.old[0].number + "; wording unchanged"; break;
            default: break;
        }
        if (c.amended) {
            std::string edits = describe_edits(c, a, b);
            if (out.empty() && !edits.empty())
                edits[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(edits[0])));
            out += (out.empty() ? "" : "; ") + edits;
        }
        if (c.consequential_references)
            out += std::string(out.empty() ? "R" : "; r") + "eference" + (c.consequential_references > 1 ? "s" : "") +
                   " updated (consequential): " + renumbered_references(c, a, b);
        return out;
    }

    // Which references changed only because their target was renumbered: "3.7 to 3.8",
    // each pair once, in reading order.
    static std::string renumbered_references(const Change& c, const std::vector<Token>& a,
                                             const std::vector<Token>& b) {
        std::vector<std::string> pairs;
        std::size_t pa = 0, pb = 0;
        for (const Run& r : c.script) {
            const auto n = static_cast<std::size_t>(r.count);
            if (r.op == Op::equal)
                for (std::size_t k = 0; k < n; ++k) {
                    if (a[pa + k].boundary() || a[pa + k].key == b[pb + k].key) continue;
                    const std::string pair = std::string(a[pa + k].text) + " to " + std::string(b[pb + k].text);
                    if (std::find(pairs.begin(), pairs.end(), pair) == pairs.end()) pairs.push_back(pair);
                }
            if (r.op != Op::inserted) pa += n;
            if (r.op != Op::deleted) pb += n;
        }
        std::string out;
        for (std::size_t k = 0; k < pairs.size(); ++k)
            out += (k == 0 ? "" : k + 1 == pairs.size() ? " and " : ", ") + pairs[k];
        return out;
    }

    std::vector<ClauseInfo>& old_;
    std::vector<ClauseInfo>& new_;
    const Aligner& aligner_;
    const model::Protocol& old_protocol_;
    const model::Protocol& new_protocol_;
    const Options& options_;
    KeyTable& keys_;
    std::vector<Group> groups_;
    std::vector<int> group_of_new_, group_of_old_;
    // Old clause numbers -> new, and old section numbers -> new, of the pairs.
    std::unordered_map<std::string, std::string> renumbered_, sections_renumbered_;
};

}  // namespace

// Two clauses swapped across a section boundary: the longest increasing subsequence may
// keep the one that changed section and call the other moved. Once the first is a move
// (below), the other stands in order among the clauses that did not move, under the
// section it had, and is no move: it gets the kind and summary it would have had.
static void unmove_in_order(ChangeSet& set, const std::vector<Change*>& crossed) {
    auto single = [](const Change& c) { return c.part == Part::clause && c.old.size() == 1 && c.new_.size() == 1; };
    auto fixed = [&](const Change& c) { return single(c) && c.kind != ChangeKind::moved; };
    const std::size_t n = set.changes.size();
    std::vector<bool> is_crossed(n, false);
    for (const Change* c : crossed) is_crossed[static_cast<std::size_t>(c - set.changes.data())] = true;
    // The old place of the nearest fixed clause after each change (-1: none), as the changes
    // stand now: those after the one looked at are not changed before it is. Before it, the
    // nearest is followed as the walk goes (`low`), a clause put back in order counting.
    // So a shuffled version, nearly all moves, costs linear time, not a scan per move.
    std::vector<int> next_fixed(n + 1, -1);
    for (std::size_t k = n; k-- > 0;)
        next_fixed[k] = fixed(set.changes[k]) ? set.changes[k].old[0].order : next_fixed[k + 1];
    bool changed = false;
    int low = -1;
    for (std::size_t k = 0; k < n; ++k) {
        Change& c = set.changes[k];
        if (k > 0 && fixed(set.changes[k - 1])) low = set.changes[k - 1].old[0].order;
        if (!single(c) || c.kind != ChangeKind::moved || is_crossed[k]) continue;
        const int from = c.old[0].section, to = c.new_[0].section;
        if (set.section_match[static_cast<std::size_t>(to)] != from) continue;
        const int high = next_fixed[k + 1];
        const int at = c.old[0].order;
        if (at <= low || (high >= 0 && at >= high)) continue;
        // "Moved from 4.3 (Title)[; edits][; reference ...]": what follows the move stays.
        const std::string prefix = c.summary.substr(0, c.summary.find(')') + 1);
        std::string rest = c.summary.size() > prefix.size() + 2 ? c.summary.substr(prefix.size() + 2) : "";
        const bool renumbered = c.old[0].number != c.new_[0].number;
        c.kind = c.amended ? ChangeKind::amended : renumbered ? ChangeKind::renumbered : ChangeKind::unchanged;
        if (c.kind == ChangeKind::renumbered) {
            c.summary =
                "Renumbered from " + c.old[0].number + "; wording unchanged" + (rest.empty() ? "" : "; " + rest);
        } else {
            if (!rest.empty()) rest[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(rest[0])));
            c.summary = rest;
        }
        c.move_id.clear();
        c.old_place_after = -1;
        changed = true;
    }
    if (!changed) return;
    int moves = 0;
    for (Change& c : set.changes)
        if (c.part == Part::clause && c.kind == ChangeKind::moved) c.move_id = "move-" + std::to_string(++moves);
}

// Where a deleted clause, or the old place of a moved one, is drawn: after the clause
// that precedes it in OLD's order among those that did not move. Worked out again once
// moves across sections are known, since a clause that was fixed may now be a move
// (a deleted clause must not follow its old neighbour into another section).
static void anchor_old_places(ChangeSet& set) {
    std::vector<std::pair<int, int>> kept;  // (old order, new order) of the clauses that stayed
    for (const Change& f : set.changes)
        if (f.part == Part::clause && !f.old.empty() && !f.new_.empty() && f.kind != ChangeKind::moved)
            for (const ClauseRef& r : f.old) kept.emplace_back(r.order, f.new_.back().order);
    std::sort(kept.begin(), kept.end());
    for (Change& c : set.changes) {
        if (c.part != Part::clause || c.old.empty() || !(c.new_.empty() || c.kind == ChangeKind::moved)) continue;
        const auto after = std::lower_bound(kept.begin(), kept.end(), std::pair{c.old[0].order, INT_MIN});
        c.old_place_after = after == kept.begin() ? -1 : std::prev(after)->second;
    }
}

// A clause that kept its order but now stands in another section (the last of one moved
// to the start of the next) is a move too: Reject All must put it back under its old
// heading. Not when its old section went or its new one is new (a sub-heading added or
// removed around clauses that stayed where they were).
static void mark_moves_across_sections(ChangeSet& set, const model::Protocol& old) {
    std::vector<int> continued(old.sections.size(), -1);
    for (std::size_t s = 0; s < set.section_match.size(); ++s)
        if (set.section_match[s] >= 0) continued[static_cast<std::size_t>(set.section_match[s])] = static_cast<int>(s);
    int moves = 0, previous = -1;
    std::vector<Change*> crossed;
    for (const Change& c : set.changes)
        if (c.part == Part::clause && c.kind == ChangeKind::moved) ++moves;
    for (Change& c : set.changes) {
        if (c.part != Part::clause || c.new_.empty()) continue;
        const int order = c.new_.back().order;
        if (c.old.size() == 1 && c.new_.size() == 1 &&
            (c.kind == ChangeKind::unchanged || c.kind == ChangeKind::renumbered || c.kind == ChangeKind::amended)) {
            const int from = c.old[0].section, to = c.new_[0].section;
            const int to_continues = set.section_match[static_cast<std::size_t>(to)];
            if (to_continues >= 0 && to_continues != from && continued[static_cast<std::size_t>(from)] >= 0) {
                const std::string title = model::plain_text(old.sections[static_cast<std::size_t>(from)].heading);
                std::string edits = c.kind == ChangeKind::amended ? c.summary : "";
                c.kind = ChangeKind::moved;
                c.move_id = "move-" + std::to_string(++moves);
                c.old_place_after = previous;
                crossed.push_back(&c);
                c.summary = "Moved from " + (c.old[0].number.empty() ? std::string("its old place") : c.old[0].number) +
                            " (" + title + ")" + (edits.empty() ? "" : "; " + edits);
            }
        }
        previous = order;
    }
    if (crossed.empty()) return;
    unmove_in_order(set, crossed);
    anchor_old_places(set);
}

ChangeSet compare_versions(const model::Protocol& old, const model::Protocol& new_, const Options& options) {
    KeyTable keys;
    std::vector<ClauseInfo> old_clauses = index_version(old, keys);
    std::vector<ClauseInfo> new_clauses = index_version(new_, keys);
    Aligner aligner(old_clauses, new_clauses, options);
    aligner.run();
    ChangeSet set = ChangeBuilder(old_clauses, new_clauses, aligner, old, new_, options, keys).build();
    add_section_changes(set, old, new_, options);
    mark_moves_across_sections(set, old);
    return set;
}

}  // namespace protopub::redline
