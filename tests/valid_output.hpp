// Whether an output is what other programs accept, judged by libxml2 (the parser of
// xmllint, LibreOffice and browsers' XML mode) rather than by pugixml, which protopub
// itself writes with and which accepts more. Shared by the tests and the fuzz targets.
#pragma once

#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include <string>
#include <string_view>

#include "model/text.hpp"
#include "package/zip_reader.hpp"

namespace valid_output {

// "" when `text` is UTF-8 that every output may carry (model::make_showable leaves it alone).
inline std::string text_problem(std::string_view text) {
    if (std::size_t bad = protopub::model::find_invalid_utf8(text); bad != std::string_view::npos)
        return "invalid UTF-8 at byte " + std::to_string(bad);
    std::string copy(text);
    const auto u = protopub::model::make_showable(copy);
    return u.count == 0 ? "" : u.name + " at byte " + std::to_string(u.offset);
}

// "" when libxml2 reads `xml` as well-formed XML (no network, no external entities).
inline std::string xml_problem(std::string_view xml) {
    xmlDocPtr doc = xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "output.xml", nullptr,
                                  XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_HUGE);
    if (doc) {
        xmlFreeDoc(doc);
        return "";
    }
    const xmlError* e = xmlGetLastError();
    return "not well-formed XML (libxml2): " + std::string(e && e->message ? e->message : "unknown error") +
           (e ? " at line " + std::to_string(e->line) : "");
}

// "" when no cell of a CSV file (RFC 4180) starts as a spreadsheet formula: = + - @, tab, CR.
inline std::string csv_problem(std::string_view csv) {
    std::size_t i = 0, line = 1;
    while (i < csv.size()) {
        std::string cell;
        if (csv[i] == '"') {
            for (++i; i < csv.size(); ++i) {
                if (csv[i] == '"' && i + 1 < csv.size() && csv[i + 1] == '"')
                    cell += csv[i++];
                else if (csv[i] == '"')
                    break;
                else
                    cell += csv[i];
            }
            ++i;
        } else {
            while (i < csv.size() && csv[i] != ',' && csv[i] != '\r' && csv[i] != '\n') cell += csv[i++];
        }
        if (!cell.empty() && std::string_view("=+-@\t\r").find(cell.front()) != std::string_view::npos)
            return "a cell on line " + std::to_string(line) + " starts as a formula: " + cell.substr(0, 40);
        if (i < csv.size() && csv[i] == '\r') ++i;
        if (i < csv.size() && csv[i] == '\n')
            ++i, ++line;
        else if (i < csv.size() && csv[i] == ',')
            ++i;
    }
    return "";
}

// "" when an output file of protopub is valid for its kind: every XML part of a .docx,
// HTML (XHTML), SVG and XML well-formed; every text output valid UTF-8. PDFs are judged by
// their own tests (qpdf, pdftotext). No CSV cell starts as a spreadsheet formula.
inline std::string file_problem(const std::string& name, std::string_view bytes) {
    auto ends = [&](std::string_view ext) { return name.size() >= ext.size() && name.ends_with(ext); };
    if (ends(".pdf") || ends(".png") || ends(".ttf")) return "";
    if (ends(".docx")) {
        std::string error;
        auto parts = protopub::package::read_zip(bytes, error);
        if (!parts) return name + ": not a readable zip: " + error;
        for (const auto& [part, data] : *parts)
            if (part.ends_with(".xml") || part.ends_with(".rels"))
                if (std::string p = xml_problem(data); !p.empty()) return name + " part " + part + ": " + p;
        return "";
    }
    if (ends(".html") || ends(".xhtml") || ends(".xml") || ends(".svg"))
        if (std::string p = xml_problem(bytes); !p.empty()) return name + ": " + p;
    // A source written back (renumber, import) keeps what its author wrote; it only must be UTF-8.
    if (ends(".md")) {
        const std::size_t bad = protopub::model::find_invalid_utf8(bytes);
        return bad == std::string_view::npos ? "" : name + ": invalid UTF-8 at byte " + std::to_string(bad);
    }
    if (std::string p = text_problem(bytes); !p.empty()) return name + ": " + p;
    if (ends(".csv"))
        if (std::string p = csv_problem(bytes); !p.empty()) return name + ": " + p;
    return "";
}

}  // namespace valid_output
