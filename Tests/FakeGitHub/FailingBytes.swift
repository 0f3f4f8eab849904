import FlyingFox
import FlyingSocks

/// A response body that fails on first read, so the server closes the connection mid-response.
struct FailingBytes: AsyncBufferedSequence, Sendable {
  typealias Element = UInt8

  struct Dropped: Error {}

  struct AsyncIterator: AsyncBufferedIteratorProtocol {
    mutating func next() async throws -> UInt8? { throw Dropped() }
    mutating func nextBuffer(suggested count: Int) async throws -> [UInt8]? { throw Dropped() }
  }

  func makeAsyncIterator() -> AsyncIterator { AsyncIterator() }
}
