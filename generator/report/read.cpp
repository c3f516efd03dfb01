// REPORT.md -> ReportSource: the cover fields and appendices from the front matter (YAML,
// every problem at its line and column), the numbered paragraphs through the source reader.
#include <filesystem>
#include <set>

#include <yaml-cpp/yaml.h>

#include "model/text.hpp"
#include "report/report.hpp"
#include "source/reader.hpp"

namespace protopub::report {

const char* to_string(AppendixKind kind) {
    switch (kind) {
        case AppendixKind::schedule: return "schedule";
        case AppendixKind::redline: return "redline";
        case AppendixKind::version: return "version";
        case AppendixKind::comparison: return "comparison";
        case AppendixKind::file: return "file";
    }
    return "file";
}

namespace {

struct Split {
    std::string yaml;
    std::uint32_t closing_line = 0;  // the line of the closing '---' (0: no front matter)
    std::size_t body_offset = 0;
};

Split split_front_matter(const std::string& text) {
    Split out;
    if (text.rfind("---\n", 0) != 0) return out;
    std::size_t pos = 4;
    std::uint32_t line = 2;
    while (pos <= text.size()) {
        const std::size_t nl = text.find('\n', pos);
        std::string l = text.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
        while (!l.empty() && (l.back() == ' ' || l.back() == '\t')) l.pop_back();
        if (l == "---" || l == "...") {
            out.yaml = text.substr(4, pos - 4);
            out.closing_line = line;
            out.body_offset = nl == std::string::npos ? text.size() : nl + 1;
            return out;
        }
        if (nl == std::string::npos) break;
        pos = nl + 1;
        ++line;
    }
    return out;
}

class FrontMatter {
public:
    FrontMatter(const std::string& path, model::Diagnostics& diags) : path_(path), diags_(diags) {}

    model::SourcePos at(const YAML::Node& n) const {
        const YAML::Mark m = n.Mark();
        return {2u + static_cast<std::uint32_t>(m.line > 0 ? m.line : 0),
                static_cast<std::uint32_t>(m.column >= 0 ? m.column + 1 : 1)};
    }

    std::string scalar(const YAML::Node& map, const char* name, bool required) {
        const YAML::Node n = map[name];
        if (!n || n.IsNull()) {
            if (required) diags_.error(path_, at(map), std::string("report: missing required field '") + name + "'");
            return {};
        }
        if (!n.IsScalar()) {
            diags_.error(path_, at(n), std::string("report: '") + name + "' must be a single value");
            return {};
        }
        return n.Scalar();
    }

    // A list, or one value standing for a list of one.
    std::vector<std::string> list(const YAML::Node& map, const char* name) {
        const YAML::Node n = map[name];
        std::vector<std::string> out;
        if (!n || n.IsNull()) return out;
        if (n.IsScalar()) return {n.Scalar()};
        if (!n.IsSequence()) {
            diags_.error(path_, at(n), std::string("report: '") + name + "' must be a list");
            return out;
        }
        for (const auto& item : n) {
            if (item.IsScalar())
                out.push_back(item.Scalar());
            else
                diags_.error(path_, at(item), std::string("report: each of '") + name + "' must be a single value");
        }
        return out;
    }

    void known(const YAML::Node& map, const std::set<std::string>& names, const std::string& where) {
        for (const auto& kv : map) {
            const std::string key = kv.first.IsScalar() ? kv.first.Scalar() : "";
            if (!names.count(key)) diags_.warning(path_, at(kv.first), "report: unknown field '" + key + "'" + where);
        }
    }

    // A path in the front matter, relative to the report's folder.
    std::string path_field(const YAML::Node& map, const char* name, model::SourcePos& pos, const std::string& what) {
        const YAML::Node n = map[name];
        if (!n || !n.IsScalar() || n.Scalar().empty()) {
            diags_.error(path_, n ? at(n) : at(map), what + ": '" + name + "' must name a file");
            return {};
        }
        pos = at(n);
        const std::filesystem::path folder = std::filesystem::path(path_).parent_path();
        return (folder / n.Scalar()).lexically_normal().string();
    }

    AppendixSpec appendix(const YAML::Node& n, std::size_t index) {
        AppendixSpec a;
        a.pos = at(n);
        const std::string what = "appendix " + std::to_string(index + 1);
        if (!n.IsMap()) {
            diags_.error(path_, at(n),
                         what + " must be fields: one of schedule, redline, version, comparison, file, and a title");
            return a;
        }
        known(n, {"title", "schedule", "redline", "version", "comparison", "file"}, " in " + what);
        a.title = scalar(n, "title", false);
        int kinds = 0;
        for (const char* k : {"schedule", "redline", "version", "comparison", "file"}) kinds += n[k] ? 1 : 0;
        if (kinds != 1) {
            diags_.error(path_, at(n), what + " must name exactly one of schedule, redline, version, comparison, file");
            return a;
        }
        if (const YAML::Node pair = n["schedule"] ? n["schedule"] : n["redline"]) {
            a.kind = n["schedule"] ? AppendixKind::schedule : AppendixKind::redline;
            if (!pair.IsMap()) {
                diags_.error(path_, at(pair), what + ": expected {old: FILE@REV, new: FILE}");
                return a;
            }
            a.old_spec = path_field(pair, "old", a.old_pos, what);
            a.new_spec = path_field(pair, "new", a.new_pos, what);
        } else if (n["version"]) {
            a.kind = AppendixKind::version;
            a.new_spec = path_field(n, "version", a.new_pos, what);
        } else if (const YAML::Node c = n["comparison"]) {
            a.kind = AppendixKind::comparison;
            if (!c.IsMap()) {
                diags_.error(path_, at(c), what + ": expected {protocol: FILE, base: MODEL.md}");
                return a;
            }
            a.protocol = path_field(c, "protocol", a.new_pos, what);
            a.base = path_field(c, "base", a.old_pos, what);
        } else {
            a.kind = AppendixKind::file;
            a.file = path_field(n, "file", a.file_pos, what);
        }
        return a;
    }

    void read(const std::string& yaml, ReportSource& out) {
        YAML::Node root;
        try {
            root = YAML::Load(yaml);
        } catch (const YAML::Exception& e) {
            diags_.error(path_,
                         {2u + static_cast<std::uint32_t>(e.mark.line > 0 ? e.mark.line : 0),
                          static_cast<std::uint32_t>(e.mark.column >= 0 ? e.mark.column + 1 : 1)},
                         "report: invalid YAML: " + e.msg);
            return;
        }
        if (!root.IsMap()) {
            diags_.error(path_, {2, 1}, "report: the front matter must be 'field: value' lines");
            return;
        }
        known(root, {"committee", "date",         "item",    "report_of",       "title",       "council",
                     "wards",     "key_decision", "purpose", "recommendations", "approved_by", "finance",
                     "legal",     "equalities",   "policy",  "author",          "contact",     "background_papers",
                     "version",   "appendices"},
              "");
        Cover& c = out.cover;
        c.committee = scalar(root, "committee", true);
        c.date = scalar(root, "date", true);
        c.item = scalar(root, "item", false);
        c.report_of = scalar(root, "report_of", false);
        c.title = scalar(root, "title", true);
        c.council = scalar(root, "council", false);
        c.wards = scalar(root, "wards", false);
        c.key_decision = scalar(root, "key_decision", false);
        c.purpose = scalar(root, "purpose", false);
        c.recommendations = list(root, "recommendations");
        c.approved_by = scalar(root, "approved_by", false);
        c.finance = scalar(root, "finance", false);
        c.legal = scalar(root, "legal", false);
        c.equalities = scalar(root, "equalities", false);
        c.policy = scalar(root, "policy", false);
        c.author = scalar(root, "author", false);
        c.contact = scalar(root, "contact", false);
        c.background_papers = list(root, "background_papers");
        c.version = scalar(root, "version", false);
        const YAML::Node apps = root["appendices"];
        if (apps && !apps.IsNull()) {
            if (!apps.IsSequence()) {
                diags_.error(path_, at(apps), "report: 'appendices' must be a list");
                return;
            }
            for (std::size_t i = 0; i < apps.size(); ++i) out.appendices.push_back(appendix(apps[i], i));
        }
    }

private:
    std::string path_;
    model::Diagnostics& diags_;
};

// The body's paragraphs are numbered on across its headings (1, 2, then 3 under "Trade
// Unions' comment"), and sub-paragraphs (3.1) follow their paragraph.
void check_numbering(const model::Protocol& body, model::Diagnostics& diags) {
    int last = 0;
    for (const auto& s : body.sections)
        for (const auto& c : s.clauses) {
            if (c.number.empty()) continue;
            const int top = c.number.parts.front();
            const model::SourcePos at = c.number_pos.known() ? c.number_pos : c.pos;
            if (c.depth() == 1) {
                if (top != last + 1)
                    diags.error(body.source_path, at,
                                "paragraph " + model::join_number(c.number.parts) + " follows " +
                                    (last ? std::to_string(last) : "the start") +
                                    ": the report's paragraphs are numbered 1, 2, 3 ... across its headings");
                last = top;
            } else if (top != last) {
                diags.error(body.source_path, at,
                            "paragraph " + model::join_number(c.number.parts) + " is not under paragraph " +
                                std::to_string(last));
            }
        }
}

}  // namespace

ReportSource read_report(std::string_view input, const std::string& path, model::Diagnostics& diags) {
    ReportSource out;
    out.path = path;
    std::string text;
    text.reserve(input.size());
    for (std::size_t i = 0; i < input.size(); ++i) {  // CRLF and CR read as LF, as in sources
        if (input[i] != '\r')
            text += input[i];
        else if (i + 1 >= input.size() || input[i + 1] != '\n')
            text += '\n';
    }
    if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
    const Split fm = split_front_matter(text);
    if (!fm.closing_line) {
        diags.error(path, {1, 1}, "report: the file must start with front matter ('---', the cover fields, '---')");
        return out;
    }
    FrontMatter(path, diags).read(fm.yaml, out);

    // The body goes through the source reader with a front matter of its own in place of
    // the report's, line for line, so its diagnostics point at the report's own lines.
    // Paragraphs before the first heading belong to a "Report" section on the front
    // matter's closing line.
    std::string body = "---\n{title: Report, council: Report, version: \"1\", status: draft}\n---\n";
    std::uint32_t line = 4;
    const bool heading_fits = fm.closing_line >= 4;
    for (; line < fm.closing_line; ++line) body += '\n';
    body += heading_fits ? "## Report {#report}\n" : "\n";
    body.append(text, fm.body_offset, std::string::npos);
    model::Diagnostics body_diags;
    out.body = source::read_protocol(body, path, body_diags);
    // The stand-in front matter is ours: nothing said about it concerns the report.
    for (const auto& d : body_diags.items())
        if (d.pos.line > fm.closing_line || d.severity != model::Severity::warning)
            diags.add(d.severity, d.file, d.pos, d.message);
    auto& sections = out.body.sections;
    if (!sections.empty() && sections.front().id == "report" && sections.front().clauses.empty() &&
        sections.front().intro.empty())
        sections.erase(sections.begin());
    check_numbering(out.body, diags);
    out.body.meta.title = out.cover.title;
    out.body.meta.council = out.cover.council;
    out.body.meta.version = out.cover.version;
    return out;
}

}  // namespace protopub::report
