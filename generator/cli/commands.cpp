#include "cli/commands.hpp"

namespace protopub::cli {

const std::vector<Command>& commands() {
    static const std::vector<Command> table = {
        {"check", "check FILE|DIR...                 report problems as file:line:col diagnostics", run_check},
        {"build", "build [FILE|DIR]... -o OUTDIR [--format html,pdf,docx] [--templates DIR] [--pdf-style FILE] [--reference-docx FILE] [--history]", run_build},
        {"import", "import INPUT(.txt|.docx) -o OUT.md [--council NAME] [--title T] [--version V] [--report]   legacy text/Word -> source", run_import},
        {"refs", "refs FILE|DIR... [--json]         list every reference and defined term, with its target", run_refs},
        {"renumber", "renumber FILE [-o OUT|--in-place] renumber clauses and every reference to them", run_renumber},
        {"constitution", "constitution MANIFEST.yaml -o OUTDIR [--format html,pdf,docx,akn] [--reference-docx FILE]   assemble and publish a constitution", run_constitution},
        {"diff", "diff OLD NEW -o OUTDIR [--format html,pdf,docx,json,csv] [--author NAME] [--date YYYY-MM-DD]   redline (OLD/NEW: FILE or FILE@GITREV)", run_diff},
        {"compare", "compare FILE... [--base FILE] -o OUTDIR [--format html,pdf,csv,json]  align clauses across councils", run_compare},
        {"report", "report REPORT.md -o OUTDIR [--format html,pdf,docx] [--reference-docx T.docx]   the committee report with its appendices", run_report},
        {"history", "history FILE [-o OUTDIR]          every adopted version from git, and what changed each time", run_history},
    };
    return table;
}

}  // namespace protopub::cli
