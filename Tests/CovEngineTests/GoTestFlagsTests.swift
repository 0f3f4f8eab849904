import CovBotSupport
import Testing

@testable import CovEngine

/// The pass-through flags covbot refuses because it owns what they decide (issue 11, item 1).
@Suite struct GoTestFlagsTests {
  @Test(arguments: [
    ["-coverprofile=other.out"], ["-coverprofile", "other.out"], ["--coverpkg=fmt"], ["-cover"],
    ["-test.coverprofile=x"], ["-test.gocoverdir=d"], ["-outputdir", "d"], ["-json"], ["--json=true"], ["-p=8"],
    ["-timeout", "0"], ["-test.timeout=1h"], ["-c"], ["-o=bin"], ["-n"], ["-list=."], ["-fuzz=FuzzX"],
    ["-C", "elsewhere"], ["-run", "X", "-args", "-test.coverprofile=y"], ["./pkg"], ["example.com/m/p"],
    ["-covermode=bogus"], ["-covermode"], ["-run"],
  ])
  func refused(flags: [String]) {
    #expect(throws: GoTestFlagsError.self) { try GoTestFlags(validating: flags) }
  }

  @Test(arguments: [
    [], ["-race"], ["-covermode=atomic"], ["-covermode", "count"], ["-tags=integration"], ["-tags", "a,b"],
    ["-run", "TestA"], ["--run=TestA"], ["-count=1", "-v", "-failfast", "-short"], ["-run", "-p"],
    ["-args", "-p", "positional", "-v"], ["-ldflags", "-X main.v=1"], ["-shuffle", "on"], ["-bench", "."],
  ])
  func passedThrough(flags: [String]) throws {
    #expect(try GoTestFlags(validating: flags).arguments == flags)
  }

  @Test func theErrorNamesTheFlagAndWhatToDoInstead() {
    #expect {
      try GoTestFlags(validating: ["-v", "-p", "4"])
    } throws: { error in
      let text = "\(error)"
      return text.contains("-p after `--`") && text.contains("--parallelism")
    }
  }
}

/// A failing test fails its package whatever go's exit status says (issue 11, item 2).
@Suite struct TestEventCollectorTests {
  private static let events = [
    #"{"Action":"start","Package":"m/p"}"#,
    #"{"Action":"run","Package":"m/p","Test":"TestGood"}"#,
    #"{"Action":"pass","Package":"m/p","Test":"TestGood","Elapsed":0}"#,
    #"{"Action":"run","Package":"m/p","Test":"TestBroken"}"#,
    #"{"Action":"output","Package":"m/p","Test":"TestBroken","Output":"    p_test.go:9: broken\n"}"#,
    #"{"Action":"fail","Package":"m/p","Test":"TestBroken","Elapsed":0}"#,
    // TestMain ran m.Run() and then os.Exit(0): go reports the package as passing.
    #"{"Action":"pass","Package":"m/p","Elapsed":0.01}"#,
  ]

  @Test func aFailedTestMakesThePackageFail() throws {
    var collector = TestEventCollector()
    for line in Self.events { collector.consume(line) }
    let outcome = try #require(collector.testRun(for: "m/p"))
    #expect(outcome.conclusion == .fail)
    #expect(outcome.failedTests == ["TestBroken"])
    #expect(outcome.output.contains("broken"))
  }

  @Test func aStartedBinaryIsOverdueUntilItsPackageFinishes() {
    var collector = TestEventCollector()
    collector.consume(Self.events[0])
    let later = ContinuousClock.now + .seconds(30)
    #expect(collector.overdue(limit: .seconds(10), now: later) == ["m/p"])
    #expect(collector.overdue(limit: .seconds(60), now: later).isEmpty)
    for line in Self.events.dropFirst() { collector.consume(line) }
    #expect(collector.overdue(limit: .seconds(10), now: later).isEmpty)
  }
}

@Suite struct DurationTextTests {
  @Test(arguments: [
    (Duration.seconds(5), "5s"), (.seconds(600), "10m"), (.seconds(5400), "1h30m"), (.seconds(65), "1m05s"),
    (.seconds(3605), "1h0m05s"), (.zero, "0s"), (.milliseconds(1500), "1s"),
  ])
  func goStyle(duration: Duration, text: String) {
    #expect(duration.goStyle == text)
  }

  @Test(arguments: [
    (Duration.seconds(5), Duration.seconds(10)), (.seconds(300), .seconds(30)), (.seconds(36_000), .seconds(60)),
  ])
  func graceIsATenthOfTheTimeoutWithinBounds(timeout: Duration, grace: Duration) {
    #expect(MeasurementPlan.grace(for: timeout) == grace)
  }
}
