// A readable one-line-per-node dump of a Protocol's structure and words, for tests that
// compare two models (writer round trip, import golden files). Soft breaks and runs of
// spaces count as one space: the writer puts each paragraph on one line. exact_dump()
// leaves nothing out (positions, ids, diagnostics), for two readings of one text.
#pragma once

#include <string>

#include "model/diagnostics.hpp"
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

namespace exact {

inline std::string pos(const model::SourcePos& p) { return std::to_string(p.line) + ":" + std::to_string(p.column); }

inline void dump(const model::Inlines& inlines, std::string& out) {
    for (const auto& in : inlines) {
        out += "(" + std::to_string(static_cast<int>(in.kind)) + "@" + pos(in.pos) + " [" + in.text + "] <" +
               in.target + "> " + std::to_string(in.reference);
        dump(in.children, out);
        out += ")";
    }
}

inline void dump(const std::vector<model::Block>& blocks, std::string& out) {
    for (const auto& b : blocks) {
        out += "\n{block " + std::to_string(static_cast<int>(b.kind)) + "@" + pos(b.pos) + " style " +
               std::to_string(static_cast<int>(b.list_style)) + " change " +
               std::to_string(static_cast<int>(b.change)) + " ";
        dump(b.inlines, out);
        for (const auto& item : b.items) {
            out += "\n item [" + item.label + "] #" + item.id + "@" + pos(item.pos) + " old [" + item.old_label + "]";
            dump(item.blocks, out);
        }
        for (auto a : b.align) out += std::to_string(static_cast<int>(a));
        for (const auto& row : b.rows) {
            out += "\n row " + std::to_string(row.header);
            for (const auto& cell : row.cells) {
                out += " | ";
                dump(cell.inlines, out);
            }
        }
        dump(b.children, out);
        out += "}";
    }
}

}  // namespace exact

// Every field of the model that the reader fills, positions included, and the
// diagnostics: two readings of one text are the same when these are.
inline std::string exact_dump(const model::Protocol& p, const model::Diagnostics& diags) {
    using exact::dump;
    using exact::pos;
    std::string out = p.meta.title + "|" + p.meta.council + "|" + p.meta.version + "|" + p.meta.adopted + "\n";
    for (const auto& s : p.sections) {
        out += "\nsection " + s.id + " " + std::to_string(s.id_given) + " " + std::to_string(static_cast<int>(s.kind)) +
               " " + std::to_string(s.level) + " [" + s.number.text + "]@" + pos(s.pos) + " ";
        dump(s.heading, out);
        dump(s.intro, out);
        for (const auto& c : s.clauses) {
            out += "\nclause " + c.id + " " + std::to_string(c.id_given) + " [" + c.number.text + "]";
            for (int part : c.number.parts) out += "." + std::to_string(part);
            out += "@" + pos(c.pos) + "/" + pos(c.number_pos) + " ";
            dump(c.heading, out);
            dump(c.blocks, out);
        }
    }
    for (const auto& d : diags.items()) out += "\n" + model::format(d);
    return out;
}

}  // namespace protopub::test
