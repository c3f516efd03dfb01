#include "compare/writers.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

#include <pugixml.hpp>

#include "model/serialize.hpp"

namespace protopub::compare {

namespace {

using model::csv_row;
using model::json_string;

const Unit& unit_of(const Comparison& cmp, UnitRef r) {
    return cmp.documents[static_cast<std::size_t>(r.doc)].units[static_cast<std::size_t>(r.unit)];
}
const std::string& doc_id(const Comparison& cmp, UnitRef r) {
    return cmp.documents[static_cast<std::size_t>(r.doc)].id;
}

std::string json_clause(const Comparison& cmp, UnitRef r) {
    const Unit& u = unit_of(cmp, r);
    return "{\"doc\":" + json_string(doc_id(cmp, r)) + ",\"number\":" + json_string(u.number) +
           ",\"id\":" + json_string(u.id) + "}";
}

}  // namespace

std::string format_score(double score) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.3f", std::round(score * 1000) / 1000);
    return buf;
}

std::string to_json(const Comparison& cmp) {
    std::string out = "{\n\"documents\":[";
    for (std::size_t d = 0; d < cmp.documents.size(); ++d) {
        const auto& doc = cmp.documents[d];
        out += std::string(d ? ",\n" : "\n") + "{\"id\":" + json_string(doc.id) +
               ",\"council\":" + json_string(doc.council) + ",\"file\":" + json_string(doc.file) +
               ",\"clauses\":" + std::to_string(doc.units.size()) + "}";
    }
    out +=
        "],\n\"base\":" + (cmp.base >= 0 ? json_string(cmp.documents[static_cast<std::size_t>(cmp.base)].id) : "null");
    out += std::string(",\n\"pairwise\":") + (cmp.pairwise ? "true" : "false");
    out += ",\n\"alignments\":[";
    for (std::size_t k = 0; k < cmp.alignments.size(); ++k) {
        const auto& a = cmp.alignments[k];
        out += std::string(k ? ",\n" : "\n") + "{\"a\":" + json_clause(cmp, a.a) + ",\"b\":" + json_clause(cmp, a.b) +
               ",\"score\":" + format_score(a.score) + ",\"band\":" + json_string(to_string(a.band)) +
               ",\"topic\":" + (a.topic >= 0 ? json_string(cmp.topics[static_cast<std::size_t>(a.topic)].id) : "null") +
               ",\"decided_by\":" + (a.confirmed ? "\"reviewer\"" : "\"matcher\"") + "}";
    }
    out += "],\n\"topics\":[";
    for (std::size_t t = 0; t < cmp.topics.size(); ++t) {
        const auto& topic = cmp.topics[t];
        out += std::string(t ? ",\n" : "\n") + "{\"id\":" + json_string(topic.id) +
               ",\"label\":" + json_string(topic.label) + ",\"from_base\":" + (topic.from_base ? "true" : "false") +
               ",\"members\":[";
        for (std::size_t m = 0; m < topic.members.size(); ++m) {
            const auto& mem = topic.members[m];
            const Unit& u = unit_of(cmp, mem.ref);
            out += std::string(m ? "," : "") + "{\"doc\":" + json_string(doc_id(cmp, mem.ref)) +
                   ",\"number\":" + json_string(u.number) + ",\"id\":" + json_string(u.id) +
                   ",\"score\":" + format_score(mem.score) + ",\"band\":" + json_string(to_string(mem.band)) + "}";
        }
        out += "]}";
    }
    out += "],\n\"near_misses\":[";
    for (std::size_t k = 0; k < cmp.near_misses.size(); ++k) {
        const auto& near = cmp.near_misses[k];
        out += std::string(k ? ",\n" : "\n") +
               "{\"topic\":" + json_string(cmp.topics[static_cast<std::size_t>(near.topic)].id) +
               ",\"clause\":" + json_clause(cmp, near.unit) + ",\"score\":" + format_score(near.score) + "}";
    }
    // Reviewer decisions (--decisions): what a person overruled, and what no longer applies.
    out += "],\n\"rejected\":[";
    for (std::size_t k = 0; k < cmp.rejected.size(); ++k) {
        const auto& a = cmp.rejected[k];
        out += std::string(k ? ",\n" : "\n") + "{\"a\":" + json_clause(cmp, a.a) + ",\"b\":" + json_clause(cmp, a.b) +
               ",\"score\":" + format_score(a.score) + ",\"decided_by\":\"reviewer\"}";
    }
    out += "],\n\"covered_elsewhere\":[";
    for (std::size_t k = 0; k < cmp.covered_elsewhere.size(); ++k) {
        const auto& c = cmp.covered_elsewhere[k];
        out += std::string(k ? ",\n" : "\n") +
               "{\"topic\":" + json_string(cmp.topics[static_cast<std::size_t>(c.topic)].id) +
               ",\"doc\":" + json_string(cmp.documents[static_cast<std::size_t>(c.doc)].id) +
               ",\"note\":" + json_string(c.decision->note) + ",\"by\":" + json_string(c.decision->by) + "}";
    }
    out += "],\n\"stale_decisions\":[";
    for (std::size_t k = 0; k < cmp.stale_decisions.size(); ++k) {
        const auto& st = cmp.stale_decisions[k];
        out += std::string(k ? ",\n" : "\n") + "{\"file\":" + json_string(st.decision->file) +
               ",\"line\":" + std::to_string(st.decision->line) + ",\"reason\":" + json_string(st.reason) + "}";
    }
    out += "],\n\"similarity\":[";
    for (std::size_t a = 0; a < cmp.similarity.size(); ++a) {
        out += std::string(a ? ",\n" : "\n") + "[";
        for (std::size_t b = 0; b < cmp.similarity[a].size(); ++b)
            out.append(b ? "," : "").append(format_score(cmp.similarity[a][b]));
        out += "]";
    }
    return out + "]\n}\n";
}

std::string alignments_csv(const Comparison& cmp) {
    std::string out =
        csv_row({"topic", "label", "doc_a", "number_a", "id_a", "doc_b", "number_b", "id_b", "score", "band"});
    for (const auto& a : cmp.alignments) {
        const Topic* topic = a.topic >= 0 ? &cmp.topics[static_cast<std::size_t>(a.topic)] : nullptr;
        out += csv_row({topic ? topic->id : "", topic ? topic->label : "", doc_id(cmp, a.a), unit_of(cmp, a.a).number,
                        unit_of(cmp, a.a).id, doc_id(cmp, a.b), unit_of(cmp, a.b).number, unit_of(cmp, a.b).id,
                        format_score(a.score), to_string(a.band)});
    }
    return out;
}

std::string coverage_csv(const Comparison& cmp) {
    std::vector<std::string> header = {"topic", "label"};
    for (const auto& d : cmp.documents) header.push_back(d.id);
    std::string out = csv_row(header);
    for (const auto& topic : cmp.topics) {
        std::vector<std::string> row = {topic.id, topic.label};
        row.resize(2 + cmp.documents.size());
        for (const auto& m : topic.members) {
            auto& cell = row[2 + static_cast<std::size_t>(m.ref.doc)];
            cell += (cell.empty() ? "" : " ") + unit_of(cmp, m.ref).number;
        }
        out += csv_row(row);
    }
    return out;
}

std::string similarity_csv(const Comparison& cmp) {
    std::vector<std::string> header = {"document"};
    for (const auto& d : cmp.documents) header.push_back(d.id);
    std::string out = csv_row(header);
    for (std::size_t a = 0; a < cmp.documents.size(); ++a) {
        std::vector<std::string> row = {cmp.documents[a].id};
        for (double s : cmp.similarity[a]) row.push_back(format_score(s));
        out += csv_row(row);
    }
    return out;
}

std::string heatmap_svg(const Comparison& cmp) {
    const std::size_t n = cmp.documents.size();
    // Cells shrink as councils are added so that 400 still fit a page width.
    const int cell = n <= 12 ? 36 : n <= 60 ? 12 : 3;
    const bool labelled = n <= 60;
    // Rows are labelled "3. Guildford Borough Council", columns by the number alone: no slanted labels,
    // so the map takes no more room than its squares and one column of names.
    std::size_t longest = 0;
    for (const auto& d : cmp.documents) longest = std::max(longest, d.name.size() + std::to_string(n).size() + 2);
    const int left = labelled ? static_cast<int>(std::min<std::size_t>(560, 12 + longest * 13 / 2)) : 4;
    const int top = labelled ? 18 : 4;
    const int width = left + static_cast<int>(n) * cell + 4;
    const int height = top + static_cast<int>(n) * cell + 4;

    // Built with pugixml so that council names are escaped by the library.
    pugi::xml_document doc;
    pugi::xml_node svg = doc.append_child("svg");
    auto attr = [](pugi::xml_node node, const char* name, const std::string& value) {
        node.append_attribute(name).set_value(value.c_str());
    };
    auto text = [&](pugi::xml_node parent, const std::string& words) {
        pugi::xml_node t = parent.append_child("text");
        t.append_child(pugi::node_pcdata).set_value(words.c_str());
        return t;
    };
    attr(svg, "xmlns", "http://www.w3.org/2000/svg");
    attr(svg, "width", std::to_string(width));
    attr(svg, "height", std::to_string(height));
    attr(svg, "viewBox", "0 0 " + std::to_string(width) + " " + std::to_string(height));
    attr(svg, "role", "img");
    attr(svg, "aria-labelledby", "heatmap-title");
    attr(svg, "font-family", "DejaVu Sans, sans-serif");
    attr(svg, "font-size", "11");
    pugi::xml_node title = svg.append_child("title");
    attr(title, "id", "heatmap-title");
    title.append_child(pugi::node_pcdata)
        .set_value("Similarity of the councils' protocols: share of topics both cover");
    for (std::size_t d = 0; labelled && d < n; ++d) {
        const std::string number = std::to_string(d + 1);
        const int mid = static_cast<int>(d) * cell + cell / 2;
        pugi::xml_node row = text(svg, number + ". " + cmp.documents[d].name);
        attr(row, "x", std::to_string(left - 6));
        attr(row, "y", std::to_string(top + mid + 4));
        attr(row, "text-anchor", "end");
        pugi::xml_node column = text(svg, number);
        attr(column, "x", std::to_string(left + mid));
        attr(column, "y", std::to_string(top - 6));
        attr(column, "text-anchor", "middle");
    }
    for (std::size_t a = 0; a < n; ++a)
        for (std::size_t b = 0; b < n; ++b) {
            const double s = cmp.similarity[a][b];
            const int x = left + static_cast<int>(b) * cell, y = top + static_cast<int>(a) * cell;
            // white (0) to dark blue (1), readable in grey print as well
            const int shade = static_cast<int>(std::lround(255 - s * 200));
            char colour[8];
            std::snprintf(colour, sizeof colour, "#%02x%02x%02x", shade, shade, std::min(255, shade + 60));
            pugi::xml_node rect = svg.append_child("rect");
            attr(rect, "x", std::to_string(x));
            attr(rect, "y", std::to_string(y));
            attr(rect, "width", std::to_string(cell));
            attr(rect, "height", std::to_string(cell));
            attr(rect, "fill", colour);
            rect.append_child("title")
                .append_child(pugi::node_pcdata)
                .set_value((cmp.documents[a].id + " / " + cmp.documents[b].id + ": " + format_score(s)).c_str());
            if (cell >= 36) {
                pugi::xml_node value = text(svg, std::to_string(std::lround(s * 100)));
                attr(value, "x", std::to_string(x + cell / 2));
                attr(value, "y", std::to_string(y + cell / 2 + 4));
                attr(value, "text-anchor", "middle");
                attr(value, "fill", s > 0.55 ? "#ffffff" : "#000000");
            }
        }
    std::ostringstream out;
    doc.save(out, "", pugi::format_raw | pugi::format_no_declaration, pugi::encoding_utf8);
    return out.str() + "\n";
}

}  // namespace protopub::compare
