import CCurl
import Foundation

/// Sends HTTP requests with libcurl: one easy handle per transfer, each on a thread of its own.
///
/// `curl_easy_perform` blocks, so it never runs on Swift's cooperative pool (on two cores that pool has
/// two threads, and every blocked one stalls unrelated tasks). A dedicated thread per transfer is bridged
/// back with a continuation; cancelling the calling task aborts the transfer through libcurl's progress
/// callback.
struct CurlTransport: Sendable {
  /// Settings applied to every transfer.
  struct Options: Sendable, Hashable {
    /// The `User-Agent` (GitHub rejects requests without one; libcurl sends none by default).
    var userAgent: String
    /// The most time to spend connecting (DNS, TCP, TLS).
    var connectTimeout: Duration
    /// The most time one whole transfer may take.
    var timeout: Duration
    /// A CA bundle file (`CURLOPT_CAINFO`), e.g. from `SSL_CERT_FILE`.
    var caBundle: String?
    /// A directory of CA certificates (`CURLOPT_CAPATH`), e.g. from `SSL_CERT_DIR`.
    var caDirectory: String?
  }

  /// The options.
  var options: Options

  /// `curl_global_init` must run once per process, before any other libcurl call.
  private static let globalInit: Int = Int(covbot_curl_global_init_default().rawValue)

  /// Performs `request`; throws only when no HTTP response arrived.
  func perform(_ request: HTTPRequest) async throws(TransportError) -> HTTPResponse {
    guard Self.globalInit == Int(CURLE_OK.rawValue) else {
      throw TransportError(
        kind: .setup, code: Self.globalInit, message: "curl_global_init failed", requestSent: false)
    }
    if Task.isCancelled {
      throw TransportError(kind: .cancelled, code: 0, message: "cancelled before sending", requestSent: false)
    }
    let flag = CancellationFlag()
    let options = options
    let result: Result<HTTPResponse, TransportError> = await withTaskCancellationHandler {
      await withCheckedContinuation { continuation in
        let thread = Thread {
          continuation.resume(returning: CurlTransfer(request: request, options: options, flag: flag).run())
        }
        thread.name = "covbot-curl"
        thread.start()
      }
    } onCancel: {
      flag.cancel()
    }
    return try result.get()
  }
}
