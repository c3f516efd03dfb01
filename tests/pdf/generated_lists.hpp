// Generated protocols for the PDF tests: long-numbered clauses (24.10, 10.12.3) and lists
// of every label style ((a), (viii), i., bullets), nested three deep, of random lengths,
// so that labels and page breaks fall at every place on a page. The same seed gives the
// same source.
#pragma once

#include <functional>
#include <random>
#include <string>
#include <utility>

namespace pdf_tools {

inline std::string roman(int n) {
    static const std::pair<int, const char*> digits[] = {{10, "x"}, {9, "ix"}, {5, "v"}, {4, "iv"}, {1, "i"}};
    std::string out;
    for (const auto& [value, letters] : digits)
        for (; n >= value; n -= value) out += letters;
    return out;
}

// The body of a source (sections, clauses, lists), for testing::source_with_body.
inline std::string generated_body(unsigned seed) {
    std::mt19937 random(seed);
    auto below = [&](int n) { return static_cast<int>(random() % static_cast<unsigned>(n)); };
    static const char* const words[] = {"council",   "officer",   "member",      "protocol",  "advice",
                                        "report",    "committee", "information", "meeting",   "relationship",
                                        "respect",   "political", "group",       "executive", "monitoring",
                                        "standards", "conduct",   "should",      "decision"};
    // Each sentence ends in a word of its own ("s17."), so that no two paragraphs end alike.
    int sentences = 0;
    auto sentence = [&](int n) {
        std::string s = "The";
        for (int i = 0; i < n; ++i) s += std::string(" ") + words[below(19)];
        return s + " s" + std::to_string(++sentences) + ".";
    };
    using Label = std::string (*)(int);
    static const Label labels[] = {
        [](int i) { return "(" + std::string(1, static_cast<char>('a' + i)) + ") "; },
        [](int i) { return "(" + roman(i + 1) + ") "; }, [](int i) { return roman(i + 1) + ". "; },
        [](int) { return std::string(); },  // bullets
    };
    std::string out;
    std::function<void(int, const std::string&)> list = [&](int depth, const std::string& indent) {
        const int style = below(4);
        const Label label = labels[style];
        const int items = 1 + below(depth == 0 ? 18 : 4);
        for (int i = 0; i < items; ++i) {
            if (style == 3 && depth < 2 && below(4) == 0) {
                // a bullet whose item starts with a list: its label has a line of its own
                out += indent + "- - " + sentence(2 + below(30)) + "\n";
                out += indent + "  - " + sentence(2 + below(30)) + "\n";
                continue;
            }
            out += indent + "- " + label(i) + sentence(2 + below(45)) + "\n";
            if (depth < 2 && below(4) == 0) {
                out += "\n";
                list(depth + 1, indent + "  ");
                out += "\n";
            }
        }
        out += "\n";
    };
    const int first = 1 + below(20);
    for (int s = first; s < first + 3; ++s) {
        out += "## " + std::to_string(s) + ". Heading " + std::to_string(s) + "\n\n";
        for (int c = 1; c <= 3 + below(11); ++c) {
            const std::string number = std::to_string(s) + "." + std::to_string(c);
            out += number + " " + sentence(4 + below(60)) + "\n\n";
            if (below(3) == 0)
                for (int k = 1; k <= 1 + below(12); ++k)
                    out += number + "." + std::to_string(k) + " " + sentence(4 + below(40)) + "\n\n";
            if (below(5) < 3) list(0, "");
        }
    }
    return out;
}

}  // namespace pdf_tools
