import Foundation

/// Check runs.
extension FakeGitHubState {
  func checkRunJSON(_ run: FakeCheckRun, _ call: FakeCall) -> JSONValue {
    let url = "\(call.repositoryAPI)/check-runs/\(run.id)"
    func optional(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }
    let completed = run.status == "completed" ? Self.timestamp(Date()) : .null
    return [
      "id": .integer(run.id), "node_id": .string("CR_\(run.id)"), "head_sha": .string(run.headSHA),
      "external_id": optional(run.externalID), "url": .string(url),
      "html_url": .string("\(call.webBase)/\(call.repository)/runs/\(run.id)"), "details_url": optional(run.detailsURL),
      "status": .string(run.status), "conclusion": optional(run.conclusion), "started_at": Self.timestamp(Date()),
      "completed_at": completed, "name": .string(run.name),
      "output": [
        "title": optional(run.title), "summary": optional(run.summary), "text": optional(run.text),
        "annotations_count": .integer(Int64(run.annotations.count)), "annotations_url": .string("\(url)/annotations"),
      ],
      "check_suite": ["id": 5], "app": ["id": 15368, "slug": "github-actions", "name": "GitHub Actions"],
      "pull_requests": [],
    ]
  }

  /// Applies the fields of a create or update body.
  private func apply(_ body: JSONValue, to run: inout FakeCheckRun) {
    if let name = body["name"]?.string { run.name = name }
    if let details = body["details_url"]?.string { run.detailsURL = details }
    if let external = body["external_id"]?.string { run.externalID = external }
    if let status = body["status"]?.string { run.status = status }
    if let conclusion = body["conclusion"]?.string {
      run.conclusion = conclusion
      run.status = "completed"
    }
    if let output = body["output"] {
      if let title = output["title"]?.string { run.title = title }
      if let summary = output["summary"]?.string { run.summary = summary }
      if let text = output["text"]?.string { run.text = text }
      run.annotations += output["annotations"]?.array ?? []
    }
  }

  func createCheckRun(_ call: FakeCall) -> FakeReply {
    let sha = call.body["head_sha"]?.string ?? ""
    guard Self.isSHA(sha) else { return unprocessable(call.template, "No commit found for SHA: \(sha)") }
    var run = FakeCheckRun(
      id: makeID(), name: "", headSHA: sha, status: "queued", conclusion: nil, title: nil, summary: nil, text: nil,
      annotations: [], externalID: nil, detailsURL: nil)
    apply(call.body, to: &run)
    update(call.repository) { [run] in $0.checkRuns[run.id] = run }
    return .json(201, checkRunJSON(run, call))
  }

  func getCheckRun(_ call: FakeCall) -> FakeReply {
    guard let id = Int64(call.parameter("check_run_id")), let run = repository(call.repository).checkRuns[id] else {
      return notFound()
    }
    return .json(200, checkRunJSON(run, call))
  }

  func updateCheckRun(_ call: FakeCall) -> FakeReply {
    guard let id = Int64(call.parameter("check_run_id")), var run = repository(call.repository).checkRuns[id] else {
      return notFound()
    }
    apply(call.body, to: &run)
    update(call.repository) { [run] in $0.checkRuns[id] = run }
    return .json(200, checkRunJSON(run, call))
  }

  func listCheckRuns(_ call: FakeCall) -> FakeReply {
    let ref = call.parameter("ref")
    let repository = repository(call.repository)
    let sha = repository.refs["refs/heads/\(ref)"] ?? ref
    var runs = repository.checkRuns.values.filter { $0.headSHA == sha }.sorted { $0.id > $1.id }
    if let name = call.queryValue("check_name") { runs = runs.filter { $0.name == name } }
    if call.queryValue("filter") ?? "latest" == "latest" {
      var seen: Set<String> = []
      runs = runs.filter { seen.insert($0.name).inserted }
    }
    let total = runs.count
    return paginated(runs.map { checkRunJSON($0, call) }, call) { page in
      ["total_count": .integer(Int64(total)), "check_runs": .array(page)]
    }
  }
}
