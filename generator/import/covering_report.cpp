#include "import/covering_report.hpp"

#include <algorithm>
#include <cctype>
#include <vector>

#include "model/facts.hpp"
#include "model/text.hpp"

namespace protopub::import {
namespace {

struct Field {
    const char* label;  // as report templates write it, compared without case
    const char* key;    // REPORT.md's field
};

// Longest labels first, so "Report Approved by" is not read as "Report of".
const Field kFields[] = {
    {"Name and contact details of author", "author"},
    {"Report Approved by", "approved_by"},
    {"Title of Report", "title"},
    {"Purpose of report", "purpose"},
    {"Policy Framework", "policy"},
    {"Background papers", "background_papers"},
    {"Recommendation(s)", "recommendations"},
    {"Recommendations", "recommendations"},
    {"Recommendation", "recommendations"},
    {"Version number", "version"},
    {"Wards affected", "wards"},
    {"Ward(s) affected", "wards"},
    {"Key decision", "key_decision"},
    {"Equalities", "equalities"},
    {"Report of", "report_of"},
    {"Item No", "item"},
    {"Finance", "finance"},
    {"Legal", "legal"},
    {"Date", "date"},
    {"To", "committee"},
};

bool starts_with_label(const std::string& s, std::size_t at, const std::string& label) {
    if (s.size() < at + label.size() + 1) return false;
    for (std::size_t i = 0; i < label.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(s[at + i])) != std::tolower(static_cast<unsigned char>(label[i])))
            return false;
    return s[at + label.size()] == ':';
}

// "Date: 10 December 2010 Item No: 6" -> {date, "10 December 2010"}, {item, "6"}: a line
// may hold two fields, as a cover table flattened to text does.
std::vector<std::pair<std::string, std::string>> fields_of(const std::string& line) {
    std::vector<std::pair<std::string, std::string>> out;
    std::size_t value_start = std::string::npos;
    std::string key;
    auto close = [&](std::size_t end) {
        if (value_start != std::string::npos)
            out.emplace_back(key, model::trim(line.substr(value_start, end - value_start)));
    };
    for (std::size_t i = 0; i < line.size(); ++i) {
        if (i > 0 && line[i - 1] != ' ') continue;
        for (const auto& f : kFields) {
            const std::string label = f.label;
            if (!starts_with_label(line, i, label)) continue;
            if (i > 0 && value_start == std::string::npos) return out;  // prose that mentions a label
            close(i);
            key = f.key;
            value_start = i + label.size() + 1;
            i = value_start - 1;
            break;
        }
        if (i == 0 && value_start == std::string::npos) return out;
    }
    close(line.size());
    return out;
}

// A YAML double-quoted scalar.
std::string quoted(const std::string& s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        out += c == '\n' ? ' ' : c;
    }
    return out + "\"";
}

}  // namespace

bool starts_report_field(const std::string& line) { return !fields_of(line).empty(); }

std::optional<std::string> covering_report(const model::Protocol& imported, const std::string& protocol_file) {
    std::vector<std::pair<std::string, std::string>> fields;
    std::vector<std::string> recommendations;
    std::string body;
    bool is_report = false;
    int next_number = 1;
    for (const auto& s : imported.sections) {
        if (s.kind != model::SectionKind::preamble) continue;
        const std::string heading = model::plain_text(s.heading);
        if (!heading.empty() && heading != "Summary and Recommendations") body += "\n## " + heading + "\n";
        for (const auto& b : s.intro) {
            if (b.kind == model::BlockKind::list) {  // the numbered paragraphs
                for (const auto& item : b.items) {
                    std::string words;
                    for (const auto& inner : item.blocks) {
                        if (!words.empty()) words += ' ';
                        words += model::plain_text(inner);
                    }
                    const std::string label = item.label.empty() ? std::to_string(next_number) + "." : item.label;
                    body += "\n" + label + " " + words + "\n";
                    ++next_number;
                }
                continue;
            }
            const std::string line = model::plain_text(b);
            const auto found = fields_of(line);
            if (found.empty()) {
                body += "\n" + line + "\n";
                continue;
            }
            for (const auto& [key, value] : found) {
                is_report |= key == "committee" || key == "report_of";
                if (key == "recommendations") {
                    if (!value.empty() &&
                        std::find(recommendations.begin(), recommendations.end(), value) == recommendations.end())
                        recommendations.push_back(value);
                } else if (!value.empty()) {
                    bool seen = false;
                    for (const auto& f : fields) seen |= f.first == key;
                    if (!seen)
                        fields.emplace_back(key, key == "date" && !model::date_from_words(value).empty()
                                                     ? model::date_from_words(value)
                                                     : value);
                }
            }
        }
    }
    if (!is_report) return std::nullopt;

    std::string out =
        "---\n# The covering report found before the protocol by `protopub import`: a starting\n"
        "# point for the next report (protopub report REPORT.md -o OUTDIR).\n";
    for (const auto& [key, value] : fields)
        if (key != "background_papers") out += key + ": " + quoted(value) + "\n";
    if (!recommendations.empty()) {
        out += "recommendations:\n";
        for (const auto& r : recommendations) out += "  - " + quoted(r) + "\n";
    }
    for (const auto& [key, value] : fields)
        if (key == "background_papers") out += "background_papers: [" + quoted(value) + "]\n";
    out += "appendices:\n  - version: " + quoted(protocol_file) + "\n---\n" + body;
    return out;
}

}  // namespace protopub::import
