// compare_protocols: units -> vectors -> matches -> topics, alignments, similarity.
#include "compare/compare.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "compare/detail.hpp"
#include "model/text.hpp"

namespace protopub::compare {

using namespace detail;

const char* to_string(Band b) {
    switch (b) {
        case Band::identical: return "identical";
        case Band::close: return "close";
        case Band::related: return "related";
        case Band::absent: return "absent";
    }
    return "absent";
}

Band band_of(double score, const Options& options) {
    if (score >= options.identical) return Band::identical;
    if (score >= options.close) return Band::close;
    if (score >= options.related) return Band::related;
    return Band::absent;
}

namespace {

constexpr std::size_t candidates_per_unit = 6;     // in each other document
constexpr std::size_t candidates_for_topics = 32;  // in all, when only topics are made of them
// A clause that continues a run of matched neighbours may score this share of the threshold.
constexpr double in_run_share = 0.6;

// The weakest candidate worth keeping: one that may continue a run, or a mutual best.
double candidate_floor(const Acceptance& accept) {
    return std::min(accept.threshold * in_run_share, accept.mutual_floor);
}
constexpr std::size_t label_words = 10;  // a topic's name: its clause's first words

// Every clause in one flat list, with what the matching needs to know about it.
struct Corpus {
    std::vector<UnitRef> refs;                // global unit -> (doc, unit)
    std::vector<std::uint32_t> doc_of;        // global unit -> doc
    std::vector<std::uint32_t> first_of_doc;  // doc -> its first global unit
    Features features;

    std::uint32_t global(UnitRef r) const {
        return first_of_doc[static_cast<std::size_t>(r.doc)] + static_cast<std::uint32_t>(r.unit);
    }
};

// "ROLES OF COUNCILLORS" -> "Roles of councillors"; headings in mixed case stay as written.
std::string sentence_case(std::string s) {
    const bool shouting = std::none_of(s.begin(), s.end(), [](unsigned char c) { return std::islower(c); });
    if (!shouting) return s;
    for (std::size_t k = 1; k < s.size(); ++k) s[k] = static_cast<char>(std::tolower(static_cast<unsigned char>(s[k])));
    return s;
}

std::string heading_text(const model::Protocol& p, std::size_t section_index) {
    const auto& s = p.sections[section_index];
    std::string text = sentence_case(model::plain_text(s.heading));
    if (s.level > 2)
        for (std::size_t k = section_index; k-- > 0;)
            if (p.sections[k].level == 2) {
                text = sentence_case(model::plain_text(p.sections[k].heading)) + ": " + text;
                break;
            }
    return text;
}

std::string unique_document_id(const std::string& path, std::set<std::string>& taken) {
    std::string base = model::slugify(std::filesystem::path(path).stem().string());
    if (base.empty() || !std::isalpha(static_cast<unsigned char>(base[0]))) base = "doc-" + base;
    std::string id = base;
    for (int n = 2; !taken.insert(id).second; ++n) id = base + "-" + std::to_string(n);
    return id;
}

// Documents and their units; the words of each unit, normalised.
Corpus read_units(const std::vector<model::Protocol>& protocols, std::vector<Document>& documents) {
    Corpus corpus;
    std::vector<std::vector<std::string>> words;
    std::set<std::string> taken;
    for (std::size_t d = 0; d < protocols.size(); ++d) {
        const auto& p = protocols[d];
        Document doc{unique_document_id(p.source_path, taken), p.meta.council, p.source_path, {}, {}};
        corpus.first_of_doc.push_back(static_cast<std::uint32_t>(corpus.refs.size()));
        for (std::size_t s = 0; s < p.sections.size(); ++s) {
            const auto& section = p.sections[s];
            if (section.kind == model::SectionKind::preamble) continue;
            for (std::size_t c = 0; c < section.clauses.size(); ++c) {
                const auto& clause = section.clauses[c];
                if (clause.blocks.empty()) continue;  // a numbered heading: its words are its sub-clauses
                auto w = normalise_words(model::plain_text(clause), p.meta.council);
                if (w.empty()) continue;
                std::string heading =
                    clause.heading.empty() ? heading_text(p, s) : sentence_case(model::plain_text(clause.heading));
                for (auto& h : normalise_words(heading, p.meta.council)) w.push_back(heading_mark + h);
                corpus.refs.push_back({static_cast<int>(d), static_cast<int>(doc.units.size())});
                corpus.doc_of.push_back(static_cast<std::uint32_t>(d));
                doc.units.push_back(
                    {static_cast<int>(s), static_cast<int>(c), clause.id, clause.number.text, std::move(heading)});
                words.push_back(std::move(w));
            }
        }
        documents.push_back(std::move(doc));
    }
    corpus.features = tfidf_features(words);
    std::map<std::string, int> councils;
    for (const auto& d : documents) ++councils[d.council];
    for (auto& d : documents)
        d.name = d.council.empty() ? d.id : councils[d.council] > 1 ? d.council + " (" + d.id + ")" : d.council;
    return corpus;
}

// A topic is named as a committee would name it: by its reference clause's own heading
// ("Status of this code"), or by the heading it sits under and its first words
// ("Correspondence: Official letters on behalf of the council should be sent...").
std::string topic_label(const Topic& topic, const Comparison& cmp, const std::vector<model::Protocol>& protocols) {
    const Unit& unit = cmp.documents[static_cast<std::size_t>(topic.reference.doc)]
                           .units[static_cast<std::size_t>(topic.reference.unit)];
    const auto& clause = protocols[static_cast<std::size_t>(topic.reference.doc)]
                             .sections[static_cast<std::size_t>(unit.section)]
                             .clauses[static_cast<std::size_t>(unit.clause)];
    if (!clause.heading.empty()) return unit.heading;
    std::string words;
    std::size_t count = 0;
    const std::string text = model::plain_text(clause);
    for (std::size_t k = 0; k < text.size();) {
        while (k < text.size() && std::isspace(static_cast<unsigned char>(text[k]))) ++k;
        std::size_t end = k;
        while (end < text.size() && !std::isspace(static_cast<unsigned char>(text[end]))) ++end;
        if (end == k) break;
        if (count == label_words) {
            while (!words.empty() && std::ispunct(static_cast<unsigned char>(words.back()))) words.pop_back();
            words += "\u2026";
            break;
        }
        if (count++) words += ' ';
        words.append(text, k, end - k);
        k = end;
    }
    return unit.heading.empty() ? words : unit.heading + ": " + words;
}

// A clause aligned below the threshold got there by continuing a run of matches (or a
// chain of them): it is related, never absent.
Band aligned_band(double score, const Options& options) {
    const Band band = band_of(score, options);
    return band == Band::absent ? Band::related : band;
}

// The nearest clause of each document to each topic it has no clause in, from candidate
// pairs (unit, unit of a topic, score).
class NearMisses {
public:
    explicit NearMisses(const Comparison& cmp) {
        for (std::size_t t = 0; t < cmp.topics.size(); ++t)
            for (const auto& m : cmp.topics[t].members) covered_.insert(key(static_cast<int>(t), m.ref.doc));
    }
    void offer(int topic, UnitRef unit, double score) {
        const auto k = key(topic, unit.doc);
        if (covered_.count(k)) return;
        auto [it, fresh] = best_.try_emplace(k, NearMiss{topic, unit, score});
        if (!fresh && std::tie(score, it->second.unit) > std::tie(it->second.score, unit))
            it->second = {topic, unit, score};
    }
    void add_to(Comparison& cmp) const {
        for (const auto& [k, near] : best_) cmp.near_misses.push_back(near);
    }

private:
    static std::uint64_t key(int topic, int doc) {
        return (static_cast<std::uint64_t>(static_cast<std::uint32_t>(topic)) << 32) | static_cast<std::uint32_t>(doc);
    }
    std::unordered_set<std::uint64_t> covered_;
    std::map<std::uint64_t, NearMiss> best_;
};

void add_member(Topic& topic, UnitRef ref, double score, const Options& options) {
    topic.members.push_back({ref, score, aligned_band(score, options)});
}

// One topic per base clause; each other document's clauses join in document order.
// Returns the global units that found no base clause.
std::vector<std::uint32_t> base_topics(Comparison& cmp, const Corpus& corpus, const Options& options) {
    const auto base = static_cast<std::uint32_t>(options.base);
    std::vector<std::uint32_t> targets, queries;
    for (std::uint32_t g = 0; g < corpus.refs.size(); ++g) (corpus.doc_of[g] == base ? targets : queries).push_back(g);
    std::vector<int> base_position(corpus.refs.size(), -1);
    for (std::size_t k = 0; k < targets.size(); ++k) {
        base_position[targets[k]] = static_cast<int>(k);
        Topic t;
        t.from_base = true;
        t.reference = corpus.refs[targets[k]];
        t.members.push_back({t.reference, 1.0, Band::identical});
        cmp.topics.push_back(std::move(t));
    }
    auto candidates =
        score_against(corpus.features, targets, queries, corpus.doc_of, candidate_floor(options.against_base),
                      candidates_per_unit, options.threads, options.progress);
    std::vector<std::uint32_t> left_over;
    std::size_t q = 0;
    while (q < queries.size()) {
        std::size_t end = q;
        while (end < queries.size() && corpus.doc_of[queries[end]] == corpus.doc_of[queries[q]]) ++end;
        std::vector<std::vector<Scored>> doc_candidates(candidates.begin() + static_cast<std::ptrdiff_t>(q),
                                                        candidates.begin() + static_cast<std::ptrdiff_t>(end));
        auto chosen = assign_in_order(doc_candidates, base_position, options.against_base);
        for (std::size_t i = 0; i < chosen.size(); ++i) {
            if (chosen[i].empty()) left_over.push_back(queries[q + i]);
            for (const auto& c : chosen[i]) {
                const int topic = base_position[c.unit];
                add_member(cmp.topics[static_cast<std::size_t>(topic)], corpus.refs[queries[q + i]], c.score, options);
                cmp.alignments.push_back(
                    {corpus.refs[queries[q + i]], corpus.refs[c.unit], c.score, aligned_band(c.score, options), topic});
            }
        }
        q = end;
    }
    NearMisses near(cmp);
    for (std::size_t k = 0; k < queries.size(); ++k)
        for (const auto& c : candidates[k]) near.offer(base_position[c.unit], corpus.refs[queries[k]], c.score);
    near.add_to(cmp);
    return left_over;
}

// Topics for `units` by clustering the matches each unit chooses in every other document;
// each topic's reference is its most connected member.
void cluster_topics(Comparison& cmp, const Corpus& corpus, const std::vector<std::uint32_t>& units,
                    const Options& options) {
    // Listing every clause's counterparts in every other document needs its candidates in
    // each; otherwise a clause's best few in all make its topic.
    const bool pairwise = cmp.base < 0 && cmp.documents.size() <= options.max_pairwise_documents;
    auto pairs =
        similar_pairs(corpus.features, units, corpus.doc_of, candidate_floor(options.between), candidates_per_unit,
                      pairwise ? SIZE_MAX : candidates_for_topics, options.threads, options.progress);
    if (options.progress) options.progress("choosing matches between documents", 0, 1);
    const auto matches = directed_matches(pairs, corpus.refs, options.between, options.threads);
    auto clusters = cluster_units(units, matches, corpus.doc_of, corpus.features.words, cmp.documents.size());
    const std::size_t first_topic = cmp.topics.size();
    std::vector<std::size_t> cluster_of(corpus.refs.size(), 0);
    for (std::size_t k = 0; k < clusters.size(); ++k)
        for (auto g : clusters[k]) cluster_of[g] = k;
    std::vector<double> strength(corpus.refs.size(), 0.0);
    for (const auto& e : matches)
        if (cluster_of[e.a] == cluster_of[e.b]) strength[e.a] += e.score, strength[e.b] += e.score;
    for (const auto& cluster : clusters) {
        std::uint32_t reference = cluster.front();
        for (auto g : cluster)
            if (strength[g] > strength[reference]) reference = g;
        Topic t;
        t.reference = corpus.refs[reference];
        t.members.push_back({t.reference, 1.0, Band::identical});
        for (auto g : cluster)
            if (g != reference) add_member(t, corpus.refs[g], corpus.features.similarity(g, reference), options);
        cmp.topics.push_back(std::move(t));
    }
    NearMisses near(cmp);
    for (const auto& e : pairs)
        if (cluster_of[e.a] != cluster_of[e.b]) {
            near.offer(static_cast<int>(first_topic + cluster_of[e.a]), corpus.refs[e.b], e.score);
            near.offer(static_cast<int>(first_topic + cluster_of[e.b]), corpus.refs[e.a], e.score);
        }
    near.add_to(cmp);
    // Against a base, the clauses it lacks are aligned to their topic's reference: a few per
    // topic, however many councils there are. All against all, each clause's own choices in
    // every other document are the answer, while they are few enough to read.
    if (!pairwise) {
        for (std::size_t k = first_topic; k < cmp.topics.size(); ++k)
            for (std::size_t m = 1; m < cmp.topics[k].members.size(); ++m) {
                const Member& member = cmp.topics[k].members[m];
                cmp.alignments.push_back(
                    {member.ref, cmp.topics[k].reference, member.score, member.band, static_cast<int>(k)});
            }
        return;
    }
    cmp.pairwise = true;
    for (const auto& e : matches) {
        const int topic = cluster_of[e.a] == cluster_of[e.b] ? static_cast<int>(first_topic + cluster_of[e.a]) : -1;
        cmp.alignments.push_back({corpus.refs[e.a], corpus.refs[e.b], e.score, aligned_band(e.score, options), topic});
    }
}

// Dice coefficient over the topics two documents have a clause in.
std::vector<std::vector<double>> document_similarity(const Comparison& cmp) {
    const std::size_t n = cmp.documents.size();
    std::vector<std::vector<double>> shared(n, std::vector<double>(n, 0.0));
    for (const auto& t : cmp.topics) {
        std::vector<int> docs;
        for (const auto& m : t.members) docs.push_back(m.ref.doc);
        std::sort(docs.begin(), docs.end());
        docs.erase(std::unique(docs.begin(), docs.end()), docs.end());
        for (int a : docs)
            for (int b : docs) shared[static_cast<std::size_t>(a)][static_cast<std::size_t>(b)] += 1;
    }
    std::vector<std::vector<double>> sim(n, std::vector<double>(n, 0.0));
    for (std::size_t a = 0; a < n; ++a)
        for (std::size_t b = 0; b < n; ++b) {
            const double total = shared[a][a] + shared[b][b];
            sim[a][b] = total > 0 ? 2 * shared[a][b] / total : (a == b ? 1.0 : 0.0);
        }
    return sim;
}

// Reviewer decisions: a confirmed pair is aligned (and its clause joins the
// counterpart's topic), a rejected one is not (its clause leaves that topic), a gap
// marked covered elsewhere is no gap. A decision naming what is not here is stale.
class DecisionApplier {
public:
    DecisionApplier(Comparison& cmp, const Corpus& corpus, const Options& options)
        : cmp_(cmp), corpus_(corpus), options_(options) {
        for (std::size_t d = 0; d < cmp.documents.size(); ++d) {
            documents_[cmp.documents[d].id] = static_cast<int>(d);
            for (std::size_t u = 0; u < cmp.documents[d].units.size(); ++u)
                units_[{static_cast<int>(d), cmp.documents[d].units[u].id}] = static_cast<int>(u);
        }
    }

    void apply(const Decision& d) {
        if (d.verdict == Verdict::covered_elsewhere) return covered_elsewhere(d);
        const auto a = resolve(d, d.clause), b = resolve(d, d.counterpart);
        if (!a || !b) return;
        if (a->doc == b->doc)
            return stale(d, "'" + d.clause + "' and '" + d.counterpart + "' are in the same document");
        if (auto [earlier, fresh] = decided_.try_emplace({*a, *b}, &d);
            !fresh && earlier->second->verdict != d.verdict) {
            stale(*earlier->second,
                  "contradicted by the decision at line " + std::to_string(d.line) + ", which applies");
            earlier->second = &d;
        }
        if (d.verdict == Verdict::confirm)
            confirm(*a, *b);
        else
            reject(*a, *b);
    }

    // Each alignment's topic, now that members moved: the topic both clauses are in.
    void finish() {
        for (auto& al : cmp_.alignments) {
            const int t = topic_with(al.b);
            al.topic = t >= 0 && has_member(cmp_.topics[static_cast<std::size_t>(t)], al.a) ? t : -1;
        }
    }

private:
    std::optional<UnitRef> resolve(const Decision& d, const std::string& name) {
        const auto hash = name.find('#');
        const auto doc = documents_.find(name.substr(0, hash));
        if (doc == documents_.end())
            return stale(d, "no document '" + name.substr(0, hash) + "' in this comparison"), std::nullopt;
        const auto unit = units_.find({doc->second, name.substr(hash + 1)});
        if (unit == units_.end())
            return stale(d, "no clause '" + name.substr(hash + 1) + "' in " + doc->first + " (renamed or removed?)"),
                   std::nullopt;
        return UnitRef{doc->second, unit->second};
    }
    void stale(const Decision& d, std::string reason) { cmp_.stale_decisions.push_back({&d, std::move(reason)}); }

    static bool has_member(const Topic& t, UnitRef r) {
        return std::any_of(t.members.begin(), t.members.end(), [&](const Member& m) { return m.ref == r; });
    }
    // The topic `r` is a member of (its first, when a split put it in several).
    int topic_with(UnitRef r) const {
        for (std::size_t t = 0; t < cmp_.topics.size(); ++t)
            if (has_member(cmp_.topics[t], r)) return static_cast<int>(t);
        return -1;
    }
    double similarity(UnitRef a, UnitRef b) const {
        return corpus_.features.similarity(corpus_.global(a), corpus_.global(b));
    }

    void confirm(UnitRef a, UnitRef b) {
        for (auto& al : cmp_.alignments)
            if (al.a == a && al.b == b) {
                al.confirmed = true;
                return;
            }
        const int t = topic_with(b);
        auto& topic = cmp_.topics[static_cast<std::size_t>(t)];
        if (!has_member(topic, a)) add_member(topic, a, similarity(a, topic.reference), options_);
        std::erase_if(cmp_.near_misses, [&](const NearMiss& n) { return n.topic == t && n.unit.doc == a.doc; });
        const double score = similarity(a, b);
        cmp_.alignments.push_back({a, b, score, aligned_band(score, options_), t, true});
    }

    void reject(UnitRef a, UnitRef b) {
        const auto was = std::find_if(cmp_.alignments.begin(), cmp_.alignments.end(),
                                      [&](const Alignment& al) { return al.a == a && al.b == b; });
        if (was != cmp_.alignments.end()) {
            cmp_.rejected.push_back(*was);
            cmp_.alignments.erase(was);
        }
        // The two no longer share a topic: the one that is not its reference leaves it.
        for (auto& topic : cmp_.topics) {
            if (!has_member(topic, a) || !has_member(topic, b)) continue;
            const UnitRef leaving = topic.reference == a ? b : a;
            std::erase_if(topic.members, [&](const Member& m) { return m.ref == leaving; });
            if (topic_with(leaving) < 0) {  // alone now: a topic of its own
                Topic own;
                own.reference = leaving;
                own.members.push_back({leaving, 1.0, Band::identical});
                cmp_.topics.push_back(std::move(own));
            }
            break;
        }
    }

    void covered_elsewhere(const Decision& d) {
        const auto doc = documents_.find(d.council);
        if (doc == documents_.end()) return stale(d, "no document '" + d.council + "' in this comparison");
        const auto clause = resolve(d, d.topic);
        if (!clause) return;
        const int t = topic_with(*clause);
        const Topic& topic = cmp_.topics[static_cast<std::size_t>(t)];
        for (const auto& m : topic.members)
            if (m.ref.doc == doc->second)
                return stale(d, d.council + " " +
                                    cmp_.documents[static_cast<std::size_t>(m.ref.doc)]
                                        .units[static_cast<std::size_t>(m.ref.unit)]
                                        .number +
                                    " is now aligned with this topic: the decision is no longer needed");
        cmp_.covered_elsewhere.push_back({t, doc->second, &d});
    }

    Comparison& cmp_;
    const Corpus& corpus_;
    const Options& options_;
    std::map<std::string, int> documents_;
    std::map<std::pair<int, std::string>, int> units_;
    std::map<std::pair<UnitRef, UnitRef>, const Decision*> decided_;  // confirm/reject so far, by pair
};

}  // namespace

Comparison compare_protocols(const std::vector<model::Protocol>& protocols, const Options& options) {
    Comparison cmp;
    cmp.related = options.related;
    Corpus corpus = read_units(protocols, cmp.documents);
    std::vector<std::uint32_t> rest;
    if (options.base >= 0 && static_cast<std::size_t>(options.base) < protocols.size()) {
        cmp.base = options.base;
        rest = base_topics(cmp, corpus, options);
    } else {
        rest.resize(corpus.refs.size());
        for (std::uint32_t g = 0; g < rest.size(); ++g) rest[g] = g;
    }
    cluster_topics(cmp, corpus, rest, options);
    if (options.decisions) {
        DecisionApplier applier(cmp, corpus, options);
        for (const auto& d : *options.decisions) applier.apply(d);
        applier.finish();
    }
    for (std::size_t k = 0; k < cmp.topics.size(); ++k) {
        if (options.progress && k % 256 == 0) options.progress("labelling topics", k, cmp.topics.size());
        auto& t = cmp.topics[k];
        std::sort(t.members.begin() + 1, t.members.end(),
                  [](const Member& x, const Member& y) { return x.ref < y.ref; });
        t.id = "t-" + std::to_string(k + 1);
        t.label = topic_label(t, cmp, protocols);
    }
    std::sort(cmp.alignments.begin(), cmp.alignments.end(),
              [](const Alignment& x, const Alignment& y) { return std::tie(x.a, x.b) < std::tie(y.a, y.b); });
    std::sort(cmp.near_misses.begin(), cmp.near_misses.end());
    cmp.similarity = document_similarity(cmp);
    return cmp;
}

}  // namespace protopub::compare
