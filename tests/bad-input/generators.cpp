#include "bad-input/generators.hpp"

#include <catch2/catch.hpp>

#include <functional>
#include <map>

#include "support.hpp"

namespace bad_input {

namespace {

std::string front_matter() {
    return "---\ntitle: Generated Protocol\ncouncil: Test Council\nversion: \"1\"\nstatus: draft\n---\n\n";
}

std::string big_source() {
    std::string s = front_matter();
    s.reserve(51u << 20);
    for (int section = 1; s.size() < (50u << 20); ++section) {
        s += "## " + std::to_string(section) + ". Section\n\n";
        for (int clause = 1; clause <= 100; ++clause)
            s += std::to_string(section) + "." + std::to_string(clause) +
                 " Councillors and officers work together with mutual respect, and each clause of this "
                 "protocol says how, in words a clerk can edit in any text editor.\n\n";
    }
    return s;
}

std::string many_clauses() {
    std::string s = front_matter() + "## 1. Everything\n\n";
    for (int clause = 1; clause <= 10000; ++clause)
        s += "1." + std::to_string(clause) + " Councillors and officers work together, clause after clause.\n\n";
    return s;
}

std::string deep_lists() {
    // "- - - item" nests a list in a list on one line (indenting 5,000 levels would
    // take 25 MB and hit the size limit first).
    std::string s = front_matter() + "## 1. Deep\n\n1.1 A clause with nested lists:\n\n";
    for (int depth = 0; depth < 5000; ++depth) s += "- ";
    return s + "item\n";
}

std::string deep_quotes() {
    return front_matter() + "## 1. Deep\n\n1.1 A clause with nested quotes:\n\n" + std::string(100000, '>') + " text\n";
}

std::string long_line() {
    std::string s = front_matter() + "## 1. Long\n\n1.1 ";
    while (s.size() < (1u << 20)) s += "a very long line without a single line break in it, ";
    return s + "the end.\n";
}

}  // namespace

void generate(const std::string& name, const std::string& path) {
    static const std::map<std::string, std::function<std::string()>> generators = {
        {"big-source", big_source}, {"many-clauses", many_clauses}, {"deep-lists", deep_lists},
        {"deep-quotes", deep_quotes}, {"long-line", long_line},
    };
    auto it = generators.find(name);
    REQUIRE(it != generators.end());
    testing::write(path, it->second());
}

}  // namespace bad_input
