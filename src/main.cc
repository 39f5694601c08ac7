// confsched: a conference website served over FastCGI from MariaDB.
#include "cli/cli.h"

int main(int argc, char** argv) { return confsched::run_cli(argc, argv); }
