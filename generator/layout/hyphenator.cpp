#include "layout/hyphenator.hpp"

#include <hyphen.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>
#include <deque>
#include <memory>
#include <string>

#include "io/files.hpp"

namespace protopub::layout {

namespace {

// A dictionary's patterns as libhyphen matches them, for the only words points() hands on
// (the letters a to z): libhyphen's own load was about 30M instructions a run (a hash of
// every prefix of every pattern, a malloc for each), this a tenth of that, with the same
// points.
//
// As libhyphen: a state for every prefix of a pattern's letters, each falling back to the
// longest proper suffix that is a state too, and at each character of ".word." only the
// state reached applies its digits (a dictionary is made so that they include those of
// every pattern that ends there).
class Patterns {
public:
    // false when the dictionary needs what libhyphen alone does for a plain word: a second
    // level of patterns (NEXTLEVEL), or hyphenation that changes letters ('/').
    bool read(std::string_view text) {
        std::size_t at = text.find('\n');  // (the first line names the character set)
        states_.assign(1, State{});
        tables_.clear();
        states_[0].table = table_row();
        while (at < text.size()) {
            const std::size_t end = std::min(text.find('\n', at + 1), text.size());
            const std::string_view line = text.substr(at + 1, end - at - 1);
            at = end;
            if (line.starts_with('%') || line.size() >= 99) continue;  // (libhyphen skips longer lines)
            if (line.starts_with("NEXTLEVEL") || line.find('/') != std::string_view::npos) return false;
            if (line.starts_with("LEFTHYPHENMIN"))
                left_min_ = std::atoi(std::string(line.substr(13)).c_str());
            else if (line.starts_with("RIGHTHYPHENMIN"))
                right_min_ = std::atoi(std::string(line.substr(14)).c_str());
            else
                add(line);
        }
        link_fallbacks();
        return true;
    }

    // Where `word` (lower-case letters) may be hyphenated: offsets before which a hyphen
    // may go, keeping `left` letters before it and `right` after, at least.
    std::vector<std::size_t> points(std::string_view word, int left, int right) const {
        const std::size_t n = word.size();
        // levels[g]: the highest digit at the gap before character g + 1 of ".word.", so a
        // point before letter g of the word (as libhyphen numbers them, shifted by one)
        std::vector<char> levels(n + 3, 0);
        int state = 0;
        for (std::size_t i = 0; i < n + 2; ++i) {
            const char c = i == 0 || i == n + 1 ? '.' : word[i - 1];
            int next = child(state, c);
            while (next < 0 && state > 0) {
                state = states_[static_cast<std::size_t>(state)].fallback;
                next = child(state, c);
            }
            if (next < 0) {  // (nowhere to go, even from the start: no digits here)
                state = 0;
                continue;
            }
            state = next;
            // The digits end at the gap after character i.
            const State& s = states_[static_cast<std::size_t>(state)];
            const long first_gap = static_cast<long>(i) + 1 - s.digits_size;
            for (long k = std::max(0L, -first_gap); k < s.digits_size; ++k) {
                char& level = levels[static_cast<std::size_t>(first_gap + k)];
                level = std::max(level, digits_[s.digits_at + static_cast<std::size_t>(k)]);
            }
        }
        std::vector<std::size_t> out;
        const int first = std::max(left, left_min_), last_room = std::max(right, right_min_);
        for (std::size_t i = static_cast<std::size_t>(std::max(first, 1)); i + last_room <= n; ++i)
            if (levels[i] & 1) out.push_back(i);
        return out;
    }

private:
    struct State {
        int first_child = -1, next_sibling = -1;
        int fallback = -1;  // the longest proper suffix that is a state (-1: none, the start's)
        unsigned digits_at = 0;
        std::uint8_t digits_size = 0;  // (none: no pattern ends here)
        char letter = 0;               // the one this state's last transition takes
        int table = -1;                // its row of `tables_`, if it has one
    };

    // '.' and the letters a to z: 0 to 26.
    static constexpr int symbols = 27;
    static int symbol(char c) { return c == '.' ? 26 : c - 'a'; }

    int child(int state, char c) const {
        const State& from = states_[static_cast<std::size_t>(state)];
        if (from.table >= 0) return tables_[static_cast<std::size_t>(from.table * symbols + symbol(c))];
        for (int s = from.first_child; s >= 0; s = states_[static_cast<std::size_t>(s)].next_sibling)
            if (states_[static_cast<std::size_t>(s)].letter == c) return s;
        return -1;
    }

    // One pattern ("a1b2c"): its letters' state gets its digits, leading zeros dropped as
    // libhyphen drops them (a later pattern of the same letters replaces them).
    void add(std::string_view line) {
        // (lines of 99 bytes or more are skipped: a pattern has fewer letters)
        std::array<char, 100> letters;
        std::array<char, 101> digits;  // digits[k]: the digit before letter k (0 to 9)
        std::size_t size = 0;
        digits[0] = 0;
        for (const char c : line) {
            if (static_cast<unsigned char>(c) <= ' ') break;
            if (c >= '0' && c <= '9') {
                digits[size] = static_cast<char>(c - '0');
            } else {
                letters[size++] = c;
                digits[size] = 0;
            }
        }
        // Past a character other than these, the states are never reached by a word of the
        // letters a to z, nor are they a suffix of one that is: only those before it are made
        // (still states that words pass through, as libhyphen has them), without digits.
        const auto in_words = [](char c) { return c == '.' || (c >= 'a' && c <= 'z'); };
        const char* const reached = std::find_if_not(letters.data(), letters.data() + size, in_words);
        int state = 0;
        for (const char* c = letters.data(); c != reached; ++c) {
            int next = child(state, *c);
            if (next < 0) {
                next = static_cast<int>(states_.size());
                State added;
                added.letter = *c;
                added.next_sibling = states_[static_cast<std::size_t>(state)].first_child;
                if (state == 0) added.table = table_row();
                const int parent_table = states_[static_cast<std::size_t>(state)].table;
                if (parent_table >= 0) tables_[static_cast<std::size_t>(parent_table * symbols + symbol(*c))] = next;
                states_.push_back(added);
                states_[static_cast<std::size_t>(state)].first_child = next;
            }
            state = next;
        }
        if (reached != letters.data() + size) return;
        const char* const first = digits.data();
        const char* const end = first + size + 1;
        const char* const significant = std::find_if(first, end, [](char d) { return d != 0; });
        State& s = states_[static_cast<std::size_t>(state)];
        s.digits_at = static_cast<unsigned>(digits_.size());
        s.digits_size = static_cast<std::uint8_t>(end - significant);
        digits_.append(significant, end);
    }

    // Each state's fallback, breadth first (a state's is found from its parent's).
    void link_fallbacks() {
        std::deque<int> queue;
        for (int s = states_[0].first_child; s >= 0; s = states_[static_cast<std::size_t>(s)].next_sibling) {
            states_[static_cast<std::size_t>(s)].fallback = 0;
            queue.push_back(s);
        }
        while (!queue.empty()) {
            const int parent = queue.front();
            queue.pop_front();
            for (int s = states_[static_cast<std::size_t>(parent)].first_child; s >= 0;
                 s = states_[static_cast<std::size_t>(s)].next_sibling) {
                const char c = states_[static_cast<std::size_t>(s)].letter;
                int f = states_[static_cast<std::size_t>(parent)].fallback;
                int to = child(f, c);
                while (to < 0 && f > 0) {
                    f = states_[static_cast<std::size_t>(f)].fallback;
                    to = child(f, c);
                }
                states_[static_cast<std::size_t>(s)].fallback = std::max(to, 0);
                queue.push_back(s);
            }
        }
    }

    // A new row of `tables_`, no transitions in it yet.
    int table_row() {
        tables_.resize(tables_.size() + symbols, -1);
        return static_cast<int>(tables_.size() / symbols) - 1;
    }

    std::vector<State> states_;
    // The transitions of the start and of the states one letter from it, by symbol: every
    // pattern is added from the start, and every fallback ends near it (from a list of
    // siblings, these were most of the time reading a dictionary).
    std::vector<int> tables_;
    std::string digits_;  // every state's digits, one after another (0 to 9, not characters)
    int left_min_ = 0, right_min_ = 0;
};

}  // namespace

struct Hyphenator::Dict {
    Patterns patterns;
    HyphenDict* handle = nullptr;  // libhyphen's, for a dictionary Patterns cannot read
};

Hyphenator::Hyphenator(const std::string& dictionary, std::string& error) {
    const std::string path = dictionary.find('/') == std::string::npos ? "/usr/share/hyphen/" + dictionary : dictionary;
    // (our own reading where it can, libhyphen's where the dictionary needs it)
    const auto text = io::read_file(path, error);
    auto dict = std::make_unique<Dict>();
    if (!text || (!dict->patterns.read(*text) && !(dict->handle = hnj_hyphen_load(path.c_str())))) {
        error = "cannot load hyphenation dictionary '" + path + "'";
        return;
    }
    dict_ = dict.release();
}

Hyphenator::~Hyphenator() {
    if (dict_ && dict_->handle) hnj_hyphen_free(dict_->handle);
    delete dict_;
}

std::vector<std::size_t> Hyphenator::points(std::string_view word) const {
    std::vector<std::size_t> out;
    if (!dict_ || word.size() < shortest_word || word.size() > longest_word) return out;
    std::string lower(word);
    for (std::size_t i = 0; i < lower.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(lower[i]);
        // A capital after the first letter (an acronym, "McDonald") is not a word to split.
        if (!std::isalpha(c) || (i > 0 && std::isupper(c))) return out;
        lower[i] = static_cast<char>(std::tolower(c));
    }
    // at least two letters before a hyphen and three after it
    constexpr int left = 2, right = 3;
    if (!dict_->handle) return dict_->patterns.points(lower, left, right);
    std::vector<char> hyphens(lower.size() + 5, '0');
    char** rep = nullptr;
    int* pos = nullptr;
    int* cut = nullptr;
    if (hnj_hyphen_hyphenate3(dict_->handle, lower.data(), static_cast<int>(lower.size()), hyphens.data(), nullptr,
                              &rep, &pos, &cut, left, right, left, right) == 0 &&
        rep == nullptr) {
        for (std::size_t i = 0; i + 1 < lower.size(); ++i)
            if (hyphens[i] & 1) out.push_back(i + 1);
    }
    if (rep) {
        for (std::size_t i = 0; i < lower.size(); ++i) std::free(rep[i]);
        std::free(rep);
    }
    std::free(pos);
    std::free(cut);
    return out;
}

}  // namespace protopub::layout
