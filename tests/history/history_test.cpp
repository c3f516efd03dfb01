// `protopub history`: adopted versions from a git repository built in a temporary folder,
// the redlines between them, the Changes over time page, and the constitution's version
// history table filled from it.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>

#include "support.hpp"

namespace fs = std::filesystem;

namespace {

std::string source(const std::string& version, const std::string& status, const std::string& adopted,
                   const std::string& enquiries_days) {
    return "---\ntitle: Member/Officer Protocol\ncouncil: Anytown Council\nversion: \"" + version +
           "\"\nstatus: " + status + (adopted.empty() ? "" : "\nadopted: " + adopted) +
           "\nconstitution: {part: 5, section: 24}\n---\n\n## 1. Introduction {#introduction}\n\n"
           "1.1 {#purpose} This protocol guides relations between councillors and officers.\n\n"
           "1.2 {#enquiries} Officers answer councillors' enquiries within " +
           enquiries_days +
           " working days.\n\n## 2. Review {#review}\n\n2.1 {#review-yearly} The Standards Committee reviews this "
           "protocol.\n";
}

struct Repo {
    testing::TempDir dir;
    std::string file = dir.file("protocol.md");
    std::string git = "git -C '" + dir.path() + "' -c user.name=t -c user.email=t@example.org ";

    Repo() { REQUIRE(std::system((git + "init -q").c_str()) == 0); }
    void commit(const std::string& text, const std::string& message, const std::string& tag = "") {
        testing::write(file, text);
        std::string command = git + "add protocol.md && " + git + "commit -qm '" + message + "'";
        if (!tag.empty()) command += " && " + git + "tag " + tag;
        REQUIRE(std::system(command.c_str()) == 0);
    }
};

}  // namespace

TEST_CASE("history of three tagged versions: three versions and two redlines", "[history][cli][git]") {
    Repo repo;
    repo.commit(source("2019", "adopted", "2019-06-20", "five"), "2019", "v2019");
    repo.commit(source("2021", "draft", "", "seven"), "draft 2021");  // not tagged: not a version
    repo.commit(source("2021", "adopted", "2021-03-02", "seven"), "2021", "v2021");
    repo.commit(source("2024", "adopted", "2024-05-01", "ten"), "2024", "v2024");

    const auto list = testing::run_cli({"history", repo.file});
    INFO(list.err);
    REQUIRE(list.exit_code == 0);
    CHECK(list.out.find("2019\t2019-06-20\tv2019\t") == 0);
    CHECK(list.out.find("\n2021\t2021-03-02\tv2021\t") != std::string::npos);
    CHECK(list.out.find("\n2024\t2024-05-01\tv2024\t") != std::string::npos);
    CHECK(std::count(list.out.begin(), list.out.end(), '\n') == 3);

    testing::TempDir out;
    const auto run = testing::run_cli({"history", repo.file, "-o", out.path()});
    REQUIRE(run.exit_code == 0);
    CHECK(run.out == "3 adopted versions, 2 redlines written to " + out.path() + "\n");
    const std::string page = testing::read(out.file("protocol-changes.html"));
    CHECK(page.find("changes over time") != std::string::npos);
    CHECK(page.find("href=\"protocol.html\"") != std::string::npos);
    CHECK(page.find("href=\"protocol-changes/2019-to-2021/redline.html\"") != std::string::npos);
    CHECK(page.find("href=\"protocol-changes/2021-to-2024/schedule.html\"") != std::string::npos);
    for (const char* pair : {"2019-to-2021", "2021-to-2024"})
        for (const char* file : {"redline.html", "schedule.html", "schedule.csv", "redline.pdf", "schedule.pdf"})
            CHECK(fs::exists(out.path() + "/protocol-changes/" + pair + "/" + file));
    CHECK_FALSE(fs::exists(out.path() + "/protocol-changes/2019-to-2024"));
    const std::string schedule = testing::read(out.file("protocol-changes/2021-to-2024/schedule.csv"));
    CHECK(schedule.find("'seven working days' replaced by 'ten working days'") != std::string::npos);
}

TEST_CASE("build --history links each protocol's page to its Changes over time page", "[history][cli][git]") {
    Repo repo;
    repo.commit(source("2019", "adopted", "2019-06-20", "five"), "2019", "v2019");
    repo.commit(source("2024", "adopted", "2024-05-01", "ten"), "2024", "v2024");
    testing::write(repo.dir.file("draft.md"), source("1", "draft", "", "five"));  // not in git: no page
    testing::TempDir out;
    const auto run = testing::run_cli({"build", repo.file, repo.dir.file("draft.md"), "-o", out.path(), "--history"});
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    CHECK(run.err.find("draft.md: note: no Changes over time page") != std::string::npos);
    CHECK(testing::read(out.file("protocol.html")).find("href=\"protocol-changes.html\"") != std::string::npos);
    CHECK(testing::read(out.file("draft.html")).find("-changes.html") == std::string::npos);
    CHECK(fs::exists(out.file("protocol-changes.html")));
    CHECK(fs::exists(out.file("protocol-changes/2019-to-2024/redline.html")));
}

TEST_CASE("without tags, the commits that changed version, status or adoption are the versions",
          "[history][cli][git]") {
    Repo repo;
    repo.commit(source("1", "adopted", "2019-06-20", "five"), "adopt 1");
    repo.commit(source("1", "adopted", "2019-06-20", "five") + "\n", "whitespace");  // front matter unchanged
    repo.commit(source("2", "draft", "", "ten"), "draft 2");
    repo.commit(source("2", "adopted", "2022-01-10", "ten"), "adopt 2");
    const auto list = testing::run_cli({"history", repo.file});
    REQUIRE(list.exit_code == 0);
    CHECK(std::count(list.out.begin(), list.out.end(), '\n') == 2);
    CHECK(list.out.find("1\t2019-06-20\t") == 0);
    CHECK(list.out.find("\n2\t2022-01-10\t") != std::string::npos);
}

TEST_CASE("history of a file with no adopted version, or outside git, is an error", "[history][cli][git]") {
    Repo repo;
    repo.commit(source("1", "draft", "", "five"), "draft");
    testing::TempDir out;
    const auto run = testing::run_cli({"history", repo.file, "-o", out.file("h")});
    CHECK(run.exit_code == 1);
    CHECK(run.err.find(repo.file + ": error: no adopted version in its git history") != std::string::npos);
    CHECK_FALSE(fs::exists(out.file("h")));

    testing::TempDir plain;
    testing::write(plain.file("p.md"), source("1", "adopted", "2019-06-20", "five"));
    const auto outside = testing::run_cli({"history", plain.file("p.md")});
    CHECK(outside.exit_code == 1);
    CHECK(outside.err.find("not a git repository") != std::string::npos);
}

TEST_CASE("a constitution's version history table is filled from git with 'history: git'",
          "[history][constitution][git]") {
    Repo repo;
    repo.commit(source("2019", "adopted", "2019-06-20", "five"), "2019", "v2019");
    repo.commit(source("2021", "adopted", "2021-03-02", "seven"), "2021", "v2021");
    repo.commit(source("2024", "adopted", "2024-05-01", "ten"), "2024", "v2024");
    testing::write(
        repo.dir.file("constitution.yaml"),
        "title: Constitution\ncouncil: Anytown Council\nparts:\n  - part: 5\n    title: Codes and Protocols\n"
        "    sections:\n      - section: 24\n        source: protocol.md\n        history: git\n");
    testing::TempDir out;
    const auto run = testing::run_cli({"constitution", repo.dir.file("constitution.yaml"), "-o", out.path()});
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    const std::string html = testing::read(out.file("constitution.html"));
    const auto history = html.find("Version history");
    REQUIRE(history != std::string::npos);
    // Dates read in words, as everywhere else ("1 May 2024").
    const auto v2019 = html.find("20 June 2019", history);
    const auto v2021 = html.find("2 March 2021", history);
    const auto v2024 = html.find("1 May 2024", history);
    CHECK(v2019 < v2021);
    CHECK(v2021 < v2024);
    CHECK(v2024 != std::string::npos);
    CHECK(html.find("revision v2019", history) != std::string::npos);
}

TEST_CASE("history of 1 to 5 tagged versions, drafts between them", "[history][cli][git]") {
    const char* days[] = {"two", "three", "four", "five", "six"};
    for (int n = 1; n <= 5; ++n) {
        Repo repo;
        for (int v = 0; v < n; ++v) {
            const std::string version = std::to_string(2020 + v);
            repo.commit(source(version, "draft", "", days[v]), "draft " + version);
            repo.commit(source(version, "adopted", version + "-04-01", days[v]), "adopt " + version, "v" + version);
        }
        testing::TempDir out;
        const auto run = testing::run_cli({"history", repo.file, "-o", out.path(), "--format", "html"});
        INFO(n << " versions\n" << run.err);
        REQUIRE(run.exit_code == 0);
        CHECK(run.out.find(std::to_string(n) + " adopted version") == 0);
        int folders = 0;
        if (fs::exists(out.file("protocol-changes")))
            for (const auto& e : fs::directory_iterator(out.file("protocol-changes")))
                folders += e.is_directory() ? 1 : 0;
        CHECK(folders == n - 1);
        const std::string page = testing::read(out.file("protocol-changes.html"));
        for (int v = 0; v < n; ++v) CHECK(page.find(std::to_string(2020 + v) + "-04-01") != std::string::npos);
    }
}
