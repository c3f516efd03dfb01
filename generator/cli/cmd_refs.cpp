// protopub refs FILE|DIR... [--json]: every reference and defined term found, with where
// it is, what kind it is, its words and what it points to.
#include <cstdio>
#include <string>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/pipeline.hpp"
#include "model/serialize.hpp"

namespace protopub::cli {

namespace {

using model::json_string;
using model::Protocol;
using model::Reference;
using model::ReferenceKind;

const char* json_bool(bool b) { return b ? "true" : "false"; }

std::string location(const Protocol& p, model::SourcePos pos) {
    return p.source_path + ":" + std::to_string(pos.line) + ":" + std::to_string(pos.column);
}

// What a reference points to, in words: "#purpose", "#a .. #c", a web address, "Part 3".
std::string describe_target(const Reference& r) {
    switch (r.kind) {
        case ReferenceKind::internal: {
            if (r.ambiguous) return "(ambiguous)";
            std::string out;
            for (const auto& t : r.targets) {
                if (!out.empty()) out += t.range_end ? " .. " : ", ";
                out += t.clause_id.empty() ? "(nowhere: " + t.number + ")" : "#" + t.clause_id;
            }
            return out;
        }
        case ReferenceKind::statute: return r.url.empty() ? r.document + " (no link)" : r.url;
        case ReferenceKind::constitution: {
            std::string out = r.document;
            if (!r.part.empty()) out += (out.empty() ? "" : ", ") + std::string("Part ") + r.part;
            for (const auto& t : r.targets) out += (out.empty() ? "" : ", ") + t.number;
            return out;
        }
    }
    return "";
}

void print_text(const Protocol& p) {
    for (const auto& r : p.references)
        std::printf("%s\t%s\t%s\t%s\n", location(p, r.pos).c_str(), model::to_string(r.kind), r.text.c_str(),
                    describe_target(r).c_str());
    for (const auto& t : p.terms)
        std::printf("%s\tterm\t%s\t#%s\n", location(p, t.pos).c_str(), t.term.c_str(), t.clause_id.c_str());
}

std::string json_pos(model::SourcePos pos) {
    return "\"line\": " + std::to_string(pos.line) + ", \"column\": " + std::to_string(pos.column);
}

std::string json_protocol(const Protocol& p) {
    std::string out = "  {\"file\": " + json_string(p.source_path) + ",\n   \"references\": [";
    for (std::size_t i = 0; i < p.references.size(); ++i) {
        const Reference& r = p.references[i];
        out += i ? ",\n    " : "\n    ";
        out += '{';  // appended apart: GCC 12 warns (-Wrestrict, wrongly) about "{" + a temporary
        out += json_pos(r.pos) + ", \"kind\": " + json_string(model::to_string(r.kind)) +
               ", \"text\": " + json_string(r.text) + ", \"targets\": [";
        for (std::size_t k = 0; k < r.targets.size(); ++k) {
            const auto& t = r.targets[k];
            out += std::string(k ? ", " : "") + "{\"number\": " + json_string(t.number) +
                   ", \"id\": " + json_string(t.clause_id) + ", " + json_pos(t.pos) +
                   ", \"range_end\": " + json_bool(t.range_end) + "}";
        }
        out += "], \"range\": " + std::string(json_bool(r.is_range)) + ", \"document\": " + json_string(r.document) +
               ", \"part\": " + json_string(r.part) + ", \"url\": " + json_string(r.url) +
               ", \"resolved\": " + json_bool(r.resolved) + ", \"ambiguous\": " + json_bool(r.ambiguous) + "}";
    }
    out += "],\n   \"terms\": [";
    for (std::size_t i = 0; i < p.terms.size(); ++i) {
        const auto& t = p.terms[i];
        out += i ? ",\n    " : "\n    ";
        out += '{';
        out += json_pos(t.pos) + ", \"term\": " + json_string(t.term) + ", \"id\": " + json_string(t.clause_id) +
               ", \"definition\": " + json_string(t.definition) + "}";
    }
    return out + "]}";
}

}  // namespace

int run_refs(const std::vector<std::string>& argv) {
    Args args(argv, command("refs"));
    if (!args.ok()) return usage_error("refs", args.error());
    if (args.positional().empty())
        return usage_error("refs", "no sources given (usage: protopub refs FILE|DIR... [--json])");
    model::Diagnostics diags;
    std::vector<model::Protocol> protocols;
    if (const int loaded = load_arguments(args.positional(), protocols, diags); loaded != exit_ok) {
        print_diagnostics(diags);
        return loaded;
    }
    if (args.flag("--json")) {
        std::string out = "[\n";
        for (std::size_t i = 0; i < protocols.size(); ++i) out += (i ? ",\n" : "") + json_protocol(protocols[i]);
        std::printf("%s\n]\n", out.c_str());
    } else {
        for (const auto& p : protocols) print_text(p);
    }
    print_diagnostics(diags);
    return diags.has_errors() ? exit_input_errors : exit_ok;
}

}  // namespace protopub::cli
