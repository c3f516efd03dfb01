#include <hyphen.h>

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <sstream>

#include "layout/hyphenator.hpp"
#include "paths.hpp"

using namespace protopub;

namespace {

// The points libhyphen itself gives a word of lower-case letters (as the Hyphenator asked
// it before it read the patterns itself).
std::vector<std::size_t> libhyphen_points(HyphenDict* dict, const std::string& word) {
    std::vector<char> hyphens(word.size() + 5, '0');
    char** rep = nullptr;
    int* pos = nullptr;
    int* cut = nullptr;
    std::vector<std::size_t> out;
    if (hnj_hyphen_hyphenate3(dict, word.data(), static_cast<int>(word.size()), hyphens.data(), nullptr, &rep, &pos,
                              &cut, 2, 3, 2, 3) == 0 &&
        rep == nullptr)
        for (std::size_t i = 0; i + 1 < word.size(); ++i)
            if (hyphens[i] & 1) out.push_back(i + 1);
    if (rep) {
        for (std::size_t i = 0; i < word.size(); ++i) std::free(rep[i]);
        std::free(rep);
    }
    std::free(pos);
    std::free(cut);
    return out;
}

// Every run of lower-case letters the hyphenator splits, in `text`.
void add_words(const std::string& text, std::set<std::string>& words) {
    std::string word;
    for (const char c : text + ' ') {
        if (c >= 'a' && c <= 'z') {
            word += c;
            continue;
        }
        if (word.size() >= layout::Hyphenator::shortest_word && word.size() <= layout::Hyphenator::longest_word)
            words.insert(word);
        word.clear();
    }
}

std::string read(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

void check_alike(const std::string& dictionary, const std::set<std::string>& words) {
    std::string error;
    const layout::Hyphenator ours(dictionary, error);
    REQUIRE(ours.valid());
    HyphenDict* theirs = hnj_hyphen_load(dictionary.c_str());
    REQUIRE(theirs);
    std::size_t differ = 0, split = 0;
    for (const auto& word : words) {
        const auto expected = libhyphen_points(theirs, word);
        split += !expected.empty();
        if (ours.points(word) != expected && ++differ <= 5) FAIL_CHECK("'" << word << "' is split differently");
    }
    hnj_hyphen_free(theirs);
    CHECK(differ == 0);
    CHECK(split > 0);
}

}  // namespace

TEST_CASE("the hyphenator splits every word where libhyphen does", "[layout][hyphenation]") {
    const std::string dictionary = "/usr/share/hyphen/hyph_en_US.dic";
    std::set<std::string> words;
    // The words of the real protocols and of the published sources.
    for (const auto& dir : {std::filesystem::path(test_env::seeds_dir()),
                            std::filesystem::path(test_env::source_dir()) / "protocol-source"})
        for (const auto& entry : std::filesystem::recursive_directory_iterator(dir))
            if (entry.is_regular_file()) add_words(read(entry.path()), words);
    // Each pattern's letters, alone and between the letters of its neighbours in the file, so
    // that every state is reached with others before and after it.
    std::vector<std::string> letters;
    std::istringstream patterns(read(dictionary));
    for (std::string line; std::getline(patterns, line);) {
        std::string l;
        for (const char c : line)
            if (c >= 'a' && c <= 'z') l += c;
        if (!l.empty()) letters.push_back(l);
    }
    for (std::size_t k = 0; k + 2 < letters.size(); ++k) {
        add_words(letters[k] + letters[k + 1] + letters[k + 2], words);
        add_words(letters[k + 2] + "ing" + letters[k], words);
    }
    // And made-up words, their letters as often as in English.
    std::mt19937 random(20261205);
    const std::string common =
        "eeeeeeeeeeetttttttttaaaaaaaaoooooooiiiiiiinnnnnnnsssssshhhhhhrrrrrrddddlllluuucccmmwfgypbvkjxqz";
    std::uniform_int_distribution<std::size_t> length(6, 24), letter(0, common.size() - 1);
    for (int k = 0; k < 20000; ++k) {
        std::string word;
        for (std::size_t n = length(random); n > 0; --n) word += common[letter(random)];
        words.insert(word);
    }
    check_alike(dictionary, words);
}

TEST_CASE("a dictionary of two levels or with changed letters is read by libhyphen", "[layout][hyphenation]") {
    const auto dir = std::filesystem::path(test_env::build_dir()) / "hyphenator_test";
    std::filesystem::create_directories(dir);
    const std::set<std::string> words = {"compound", "wordplay", "playground", "groundwork", "bookkeeper"};
    // A first level that splits compounds at "d" + "w", and a second of ordinary patterns.
    std::ofstream(dir / "levels.dic") << "UTF-8\nd1w\nNEXTLEVEL\no1r\nu1n\na1y\nk1k\n";
    check_alike((dir / "levels.dic").string(), words);
    // "kk" hyphenated as "k-k" with a letter added ("bookkeeper" as in old spelling).
    std::ofstream(dir / "changed.dic") << "UTF-8\nLEFTHYPHENMIN 2\nRIGHTHYPHENMIN 3\nk1k/kk=k,1,2\no1r\na1y\n";
    check_alike((dir / "changed.dic").string(), words);
    // One level, no changed letters: read by the hyphenator's own patterns.
    std::ofstream(dir / "plain.dic") << "ISO8859-1\n% a comment\nLEFTHYPHENMIN 3\n.co4m\no1r\nu1n\na1y\n4k1k\n1gr\n";
    check_alike((dir / "plain.dic").string(), words);
}
