// A protocol's history from its git repository: every adopted version with its date and
// version, and what changed each time (legislation.gov.uk's "changes over time"). Git is
// run through io/git; the redlines are the redline stage's.
#pragma once

#include <string>
#include <vector>

#include "constitution/constitution.hpp"
#include "io/files.hpp"
#include "model/diagnostics.hpp"
#include "model/protocol.hpp"

namespace protopub::history {

struct AdoptedVersion {
    std::string revision;   // the tag it was published under, else the commit's short hash
    std::string commit;     // the full hash
    std::string committed;  // the commit's date, YYYY-MM-DD
    model::Protocol protocol;
};

// Every adopted version of the source `path`, oldest first. When commits of the file carry
// tags, each tagged commit is a candidate; otherwise each commit whose front matter changed
// version, status or adoption date. A candidate counts when its text says it was adopted
// (status adopted or superseded, with an adoption date); of two with the same version and
// date the later is kept (a tag on a corrected text). Not a git file, or no adopted
// version: an error in `diags`.
std::vector<AdoptedVersion> adopted_versions(const std::string& path, model::Diagnostics& diags);

// "guildford" -> "guildford-changes.html": the Changes over time page beside the protocol's
// own page, and the folder of its redlines ("guildford-changes/").
std::string changes_page(const std::string& stem);

struct Options {
    std::string templates_dir;
    bool pdf = true;  // redline and schedule as PDF too
};

// Adds the Changes over time page and, for each version after the first, the redline
// between it and the one before (redline.html, schedule.html, schedule.csv and the PDFs)
// under "<stem>-changes/<from>-to-<to>/". `stem` is the protocol's page ("guildford").
// False (with diagnostics) when a template or font cannot be used.
bool render(const std::vector<AdoptedVersion>& versions, const std::string& stem, const Options& options,
            io::OutputSet& out, model::Diagnostics& diags);

// For `build --history`: the Changes over time page and redlines of each protocol with
// adopted versions in git, added to `out` beside its page and listed on it (Protocol::
// related). A protocol with none (not in git, or never adopted) gets a note, no page.
// False when a template or font cannot be used.
bool add_history_pages(std::vector<model::Protocol>& protocols, const Options& options, io::OutputSet& out,
                       model::Diagnostics& diags);

// The earlier versions for a constitution's version history table (the current version,
// `current`, is its own row there): every adopted version before it, superseded since.
std::vector<constitution::VersionRecord> version_records(const std::vector<AdoptedVersion>& versions,
                                                         const model::Metadata& current);

}  // namespace protopub::history
