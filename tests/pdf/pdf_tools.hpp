// Looking into a PDF as a reader would: poppler's pdftotext/pdfinfo/pdffonts, qpdf,
// and page pixels from pdftoppm.
#pragma once

#include <cstdio>
#include <string>
#include <vector>

#include "model/protocol.hpp"
#include "model/text.hpp"

namespace pdf_tools {

// stdout of a shell command (stderr dropped: poppler warns about libharu's ToUnicode).
inline std::string run(const std::string& command) {
    std::string out;
    if (FILE* pipe = ::popen((command + " 2>/dev/null").c_str(), "r")) {
        char buffer[65536];
        for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) out.append(buffer, n);
        ::pclose(pipe);
    }
    return out;
}

// The number of pages pdfinfo reports (0 when it cannot read the file).
inline int page_count(const std::string& path) {
    const std::string info = run("pdfinfo '" + path + "'");
    const auto at = info.find("Pages:");
    return at == std::string::npos ? 0 : std::stoi(info.substr(at + 6));
}

inline int count(const std::string& text, const std::string& needle) {
    int n = 0;
    for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + needle.size())) ++n;
    return n;
}

// The words a reader sees in the body: numbers, headings, clause words, labels, cells.
inline std::vector<std::string> source_words(const protopub::model::Protocol& p) {
    std::string text;
    for (const auto& s : p.sections) {
        text += " " + s.number.text + " " + protopub::model::plain_text(s.heading);
        for (const auto& b : s.intro) text += " " + protopub::model::plain_text(b);
        for (const auto& c : s.clauses) text += " " + c.number.text + " " + protopub::model::plain_text(c);
    }
    return protopub::model::split_words(text);
}

// Finds `words` in order inside the PDF's words. A word may be split over two PDF words
// at a line end: after an added hyphen ("Coun-" "cillors"), or after a hyphen or slash
// of its own ("Member/" "Officer"). Returns the index of the first word not found, or
// words.size() when all are there.
inline std::size_t words_in_order(const std::vector<std::string>& words, const std::vector<std::string>& pdf) {
    std::size_t at = 0;
    for (std::size_t w = 0; w < words.size(); ++w) {
        const std::string& want = words[w];
        bool found = false;
        for (std::size_t start = at; start < pdf.size() && !found; ++start) {
            std::string joined;
            for (std::size_t k = start; k < pdf.size() && k < start + 4; ++k) {
                joined += pdf[k];
                if (joined == want) {
                    at = k + 1;
                    found = true;
                    break;
                }
                if (want.compare(0, joined.size(), joined) == 0) continue;
                if (joined.back() == '-' && want.compare(0, joined.size() - 1, joined, 0, joined.size() - 1) == 0) {
                    joined.pop_back();
                    continue;
                }
                break;
            }
        }
        if (!found) return w;
    }
    return words.size();
}

// An RGB image of one page (pdftoppm's PPM output).
struct Pixels {
    int width = 0, height = 0;
    std::string rgb;
    bool near(int x, int y, int r, int g, int b, int tolerance = 40) const {
        const std::size_t i = (std::size_t(y) * width + x) * 3;
        auto diff = [&](std::size_t k, int v) { return std::abs(static_cast<unsigned char>(rgb[i + k]) - v); };
        return diff(0, r) + diff(1, g) + diff(2, b) <= tolerance;
    }
    int count(int x0, int x1, int r, int g, int b) const {
        int n = 0;
        for (int y = 0; y < height; ++y)
            for (int x = x0; x < x1 && x < width; ++x) n += near(x, y, r, g, b);
        return n;
    }
};

inline Pixels page_pixels(const std::string& pdf, int page, int dpi) {
    const std::string ppm = run("pdftoppm -r " + std::to_string(dpi) + " -f " + std::to_string(page) + " -l " +
                                std::to_string(page) + " '" + pdf + "'");
    Pixels p;
    std::size_t pos = 0;
    auto token = [&] {
        while (pos < ppm.size() && std::isspace(static_cast<unsigned char>(ppm[pos]))) ++pos;
        const std::size_t start = pos;
        while (pos < ppm.size() && !std::isspace(static_cast<unsigned char>(ppm[pos]))) ++pos;
        return ppm.substr(start, pos - start);
    };
    if (token() != "P6") return p;
    p.width = std::stoi(token());
    p.height = std::stoi(token());
    token();  // maximum value
    p.rgb = ppm.substr(pos + 1);
    if (p.rgb.size() < std::size_t(p.width) * p.height * 3) p.width = p.height = 0;
    return p;
}

}  // namespace pdf_tools
