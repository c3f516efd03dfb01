// A readable one-line-per-node dump of a Protocol's structure and words, for tests that
// compare two models (writer round trip, import golden files). Soft breaks and runs of
// spaces count as one space: the writer puts each paragraph on one line.
#pragma once

#include <string>

#include "model/protocol.hpp"
#include "model/text.hpp"

namespace protopub::test {

inline std::string squash(const std::string& s) {
    std::string out;
    for (const auto& w : model::split_words(s)) out += (out.empty() ? "" : " ") + w;
    return out;
}

inline std::string dump_inlines(const model::Inlines& inlines) {
    std::string out;
    for (const auto& in : inlines) {
        using K = model::InlineKind;
        switch (in.kind) {
            case K::text: out += in.text; break;
            case K::code: out += "`" + in.text + "`"; break;
            case K::soft_break:
            case K::line_break: out += " "; break;
            case K::emphasis: out += "<em>" + dump_inlines(in.children) + "</em>"; break;
            case K::strong: out += "<b>" + dump_inlines(in.children) + "</b>"; break;
            case K::strike: out += "<s>" + dump_inlines(in.children) + "</s>"; break;
            case K::link: out += "<a " + in.target + ">" + dump_inlines(in.children) + "</a>"; break;
            default: out += dump_inlines(in.children); break;
        }
    }
    return squash(out);
}

inline void dump_blocks(const std::vector<model::Block>& blocks, const std::string& indent, std::string& out) {
    for (const auto& b : blocks) {
        switch (b.kind) {
            case model::BlockKind::paragraph: out += indent + "para: " + dump_inlines(b.inlines) + "\n"; break;
            case model::BlockKind::list:
                out += indent + "list " + model::to_string(b.list_style) + "\n";
                for (const auto& item : b.items) {
                    out += indent + "  item [" + item.label + "]" + (item.id.empty() ? "" : " #" + item.id) + "\n";
                    dump_blocks(item.blocks, indent + "    ", out);
                }
                break;
            case model::BlockKind::table:
                out += indent + "table\n";
                for (const auto& r : b.rows) {
                    out += indent + "  row:";
                    for (const auto& c : r.cells) out += " | " + dump_inlines(c.inlines);
                    out += "\n";
                }
                break;
            case model::BlockKind::quote:
                out += indent + "quote\n";
                dump_blocks(b.children, indent + "  ", out);
                break;
        }
    }
}

inline std::string dump(const model::Protocol& p) {
    std::string out = "title: " + p.meta.title + "\ncouncil: " + p.meta.council + "\nversion: " + p.meta.version + "\n";
    for (const auto& s : p.sections) {
        out += std::string(s.level == 2 ? "section" : "subsection") +
               (s.kind == model::SectionKind::preamble ? " (preamble)" : "") + " [" + s.number.text + "] " +
               dump_inlines(s.heading) + " #" + s.id + "\n";
        dump_blocks(s.intro, "  ", out);
        for (const auto& c : s.clauses) {
            out += "  clause " + model::join_number(c.number.parts) + " #" + c.id;
            if (!c.heading.empty()) out += " title: " + dump_inlines(c.heading);
            out += "\n";
            dump_blocks(c.blocks, "    ", out);
        }
    }
    return out;
}

}  // namespace protopub::test
