// The decisions file of `compare --decisions`: YAML in, Decisions out, every problem a
// diagnostic at file:line:col.
#include <optional>
#include <set>

#include <yaml-cpp/yaml.h>

#include "compare/compare.hpp"

namespace protopub::compare {

namespace {

model::SourcePos pos_of(const YAML::Node& n) {
    const YAML::Mark m = n.Mark();
    if (m.line < 0) return {};
    return {static_cast<std::uint32_t>(m.line + 1), static_cast<std::uint32_t>(m.column + 1)};
}

// "document-id#clause-id", both parts non-empty.
bool is_clause_name(const std::string& s) {
    const auto hash = s.find('#');
    return hash != std::string::npos && hash > 0 && hash + 1 < s.size() && s.find('#', hash + 1) == std::string::npos;
}

class DecisionReader {
public:
    DecisionReader(const std::string& path, model::Diagnostics& diags) : path_(path), diags_(diags) {}

    std::vector<Decision> read(const YAML::Node& root) {
        std::vector<Decision> out;
        const YAML::Node list = root.IsMap() ? root["decisions"] : YAML::Node();
        if (!list || !list.IsSequence()) {
            diags_.error(path_, pos_of(root), "decisions: expected 'decisions:' and a list of them (docs/compare.md)");
            return out;
        }
        for (const auto& item : list)
            if (auto d = decision(item)) out.push_back(std::move(*d));
        return out;
    }

private:
    std::optional<Decision> decision(const YAML::Node& n) {
        if (!n.IsMap()) {
            diags_.error(path_, pos_of(n),
                         "decisions: each decision is a set of fields (confirm/reject/covered-elsewhere, ...)");
            return std::nullopt;
        }
        Decision d;
        d.file = path_;
        const auto pos = pos_of(n);
        d.line = pos.line;
        d.column = pos.column;
        int verdicts = 0;
        for (const auto& kv : n) {
            const std::string key = kv.first.as<std::string>("");
            if (!kv.second.IsScalar()) {
                diags_.error(path_, pos_of(kv.second), "decisions: '" + key + "' must be a single value");
                return std::nullopt;
            }
            const std::string value = kv.second.Scalar();
            if (key == "confirm" || key == "reject") {
                d.verdict = key == "confirm" ? Verdict::confirm : Verdict::reject;
                d.clause = value, ++verdicts;
            } else if (key == "covered-elsewhere") {
                d.verdict = Verdict::covered_elsewhere;
                d.topic = value, ++verdicts;
            } else if (key == "counterpart")
                d.counterpart = value;
            else if (key == "council")
                d.council = value;
            else if (key == "by")
                d.by = value;
            else if (key == "note")
                d.note = value;
            else
                diags_.warning(path_, pos_of(kv.first), "decisions: unknown field '" + key + "' (ignored)");
        }
        if (verdicts != 1) {
            diags_.error(path_, pos, "decisions: give exactly one of 'confirm', 'reject' or 'covered-elsewhere'");
            return std::nullopt;
        }
        if (d.verdict == Verdict::covered_elsewhere) {
            if (!is_clause_name(d.topic) || d.council.empty()) {
                diags_.error(path_, pos,
                             "decisions: covered-elsewhere needs a clause of the topic as 'document#clause-id' "
                             "and the 'council' (document id) that covers it elsewhere");
                return std::nullopt;
            }
        } else if (!is_clause_name(d.clause) || !is_clause_name(d.counterpart)) {
            diags_.error(path_, pos,
                         "decisions: confirm and reject name a clause and its 'counterpart', each as "
                         "'document#clause-id'");
            return std::nullopt;
        }
        return d;
    }

    std::string path_;
    model::Diagnostics& diags_;
};

}  // namespace

std::vector<Decision> read_decisions(std::string_view text, const std::string& path, model::Diagnostics& diags) {
    try {
        return DecisionReader(path, diags).read(YAML::Load(std::string(text)));
    } catch (const YAML::Exception& e) {
        diags.error(path, {static_cast<std::uint32_t>(e.mark.line + 1), static_cast<std::uint32_t>(e.mark.column + 1)},
                    "decisions: invalid YAML: " + e.msg);
    }
    return {};
}

}  // namespace protopub::compare
