// One sync run (sync/sync.h).
#include "sync/sync.h"

#include "auth/crypto.h"
#include "store/errors.h"
#include "store/programme.h"
#include "store/sync_state.h"
#include "util/web_url.h"

namespace confsched {

namespace {

SyncOutcome failure(std::string error) {
  SyncOutcome out;
  out.error = std::move(error);
  return out;
}

bool changed_anything(const MergePlan& plan) {
  return !plan.added.empty() || !plan.updated.empty() || !plan.deleted.empty();
}

SyncOutcome fetch_and_import(Database& db, const SyncRequest& request, const SyncState& state,
                             const AuditContext& who, const Fetch& fetch, FetchResult& got) {
  const bool same_url = state.url == request.url;
  FetchRequest ask{request.url, "", "", request.timeout_s, request.max_bytes};
  if (same_url && !request.force) {
    ask.etag = state.etag;
    ask.last_modified = state.last_modified;
  }
  got = fetch(ask);
  if (got.kind == FetchResult::Kind::kFailed) return failure(got.error);
  SyncOutcome out;
  if (got.kind == FetchResult::Kind::kNotModified) {
    out.kind = SyncOutcome::Kind::kNotModified;
    return out;
  }
  const std::string digest = sha256_hex(got.body);
  if (same_url && !request.force && digest == state.digest) {
    out.kind = SyncOutcome::Kind::kSameBody;
    return out;
  }
  ScheduleParseOptions options{request.time_zone, ""};
  const ImportFormat format = request.format.value_or(detect_import_format(got.body));
  if (auto event = load_event(db)) {
    if (options.default_time_zone.empty()) options.default_time_zone = event->time_zone;
    options.default_event_name = event->name;
  }
  ScheduleParseResult parsed = parse_schedule(format, got.body, options);
  if (!parsed.ok()) return failure(url_for_display(request.url) + ": " + parsed.error);
  const ImportSource source{std::string(format_name(format)), url_for_display(request.url), digest};
  out.kind = SyncOutcome::Kind::kImported;
  out.event_name = parsed.programme->event.name;
  if (request.replace) {
    out.replaced = true;
    out.counts = request.dry_run ? count_imported(*parsed.programme)
                                 : import_programme(db, *parsed.programme, source, who);
    return out;
  }
  out.plan = merge_programme(db, *parsed.programme, request.prune, request.dry_run, source, who);
  return out;
}

}  // namespace

SyncOutcome sync_programme(Database& db, const SyncRequest& request, const AuditContext& who,
                           const Fetch& fetch) {
  const SyncState state = load_sync_state(db);
  FetchResult got;
  SyncOutcome out;
  try {
    out = fetch_and_import(db, request, state, who, fetch, got);
  } catch (const DbUnavailable&) {
    throw;
  } catch (const std::exception& e) {
    // A file the parser took but the database refused (a value too long
    // for its column, say): the transaction rolled back.
    out = failure(url_for_display(request.url) + ": " + e.what());
  }
  if (request.dry_run) return out;
  switch (out.kind) {
    case SyncOutcome::Kind::kFailed:
      record_sync_failure(db, request.url, out.error);
      break;
    case SyncOutcome::Kind::kNotModified:
    case SyncOutcome::Kind::kSameBody:
      record_sync_success(db, request.url, "", "", "", false);
      break;
    case SyncOutcome::Kind::kImported:
      record_sync_success(db, request.url, got.etag, got.last_modified, sha256_hex(got.body),
                          request.replace || changed_anything(out.plan));
      break;
  }
  return out;
}

std::string describe_outcome(const SyncOutcome& outcome, const std::string& url) {
  const std::string where = url_for_display(url);
  switch (outcome.kind) {
    case SyncOutcome::Kind::kNotModified:
      return where + ": not modified (304); nothing to do";
    case SyncOutcome::Kind::kSameBody:
      return where + ": the same file as last time; nothing to do";
    case SyncOutcome::Kind::kFailed:
      return "failed, the programme is unchanged: " + outcome.error;
    case SyncOutcome::Kind::kImported:
      break;
  }
  const MergePlan& p = outcome.plan;
  if (outcome.replaced)
    return where + ": replaced the programme with " + outcome.event_name + ", " +
           std::to_string(outcome.counts.sessions) + " sessions";
  return where + ": " + outcome.event_name + ": " + std::to_string(p.added.size()) + " added, " +
         std::to_string(p.updated.size()) + " updated, " + std::to_string(p.deleted.size()) +
         " deleted, " + std::to_string(p.unchanged.size()) + " unchanged, " +
         std::to_string(p.kept.size()) + " kept, " +
         std::to_string(p.edited_here.size() + p.pinned.size() + p.pinned_removed.size()) +
         " edited here and kept (" + std::to_string(p.pinned.size() + p.pinned_removed.size()) +
         " with an upstream change waiting: /admin/upstream)";
}

}  // namespace confsched
