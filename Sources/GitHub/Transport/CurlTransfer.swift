import CCurl
import Foundation

/// The state of one libcurl transfer; it lives on the transfer's own thread only.
final class CurlTransfer {
  /// Larger bodies are refused rather than buffered (no GitHub API response used here comes near).
  static let maxBodyBytes = 64 << 20

  private let request: HTTPRequest
  private let options: CurlTransport.Options
  private let flag: CancellationFlag
  private var headers = HTTPHeaders()
  private var body = Data()
  private var bodyTooLarge = false

  init(request: HTTPRequest, options: CurlTransport.Options, flag: CancellationFlag) {
    self.request = request
    self.options = options
    self.flag = flag
  }

  /// Runs the transfer to completion (blocking the current thread).
  func run() -> Result<HTTPResponse, TransportError> {
    guard let handle = curl_easy_init() else {
      return .failure(TransportError(kind: .setup, code: 0, message: "curl_easy_init failed", requestSent: false))
    }
    defer { curl_easy_cleanup(handle) }
    let errorSize = Int(covbot_curl_error_size())
    let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: errorSize)
    errorBuffer.initialize(repeating: 0, count: errorSize)
    defer { errorBuffer.deallocate() }
    var headerList: UnsafeMutablePointer<curl_slist>?
    defer { curl_slist_free_all(headerList) }
    // "Expect:" stops libcurl from waiting for `100 Continue` before sending larger bodies.
    for line in request.headers + ["Expect:"] {
      headerList = curl_slist_append(headerList, line)
    }

    let setupError = configure(handle, errorBuffer: errorBuffer, headerList: headerList)
    if let setupError { return .failure(setupError) }

    let code = curl_easy_perform(handle)
    var status = 0
    var requestSize = 0
    var value = 0
    if covbot_curl_easy_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &value) == CURLE_OK { status = value }
    if covbot_curl_easy_getinfo_long(handle, CURLINFO_REQUEST_SIZE, &value) == CURLE_OK { requestSize = value }

    guard code == CURLE_OK else {
      let buffered = String(cString: errorBuffer)
      let message = buffered.isEmpty ? String(cString: curl_easy_strerror(code)) : buffered
      return .failure(
        TransportError(
          kind: Self.kind(of: code, cancelled: flag.isCancelled, bodyTooLarge: bodyTooLarge), code: Int(code.rawValue),
          message: bodyTooLarge ? "response body larger than \(Self.maxBodyBytes) bytes" : message,
          requestSent: requestSize > 0))
    }
    return .success(HTTPResponse(status: status, headers: headers, body: body))
  }

  private func configure(
    _ handle: UnsafeMutableRawPointer, errorBuffer: UnsafeMutablePointer<CChar>,
    headerList: UnsafeMutablePointer<curl_slist>?
  ) -> TransportError? {
    var failure: (option: String, code: CURLcode)?
    func check(_ name: String, _ code: CURLcode) {
      if code != CURLE_OK && failure == nil { failure = (name, code) }
    }
    let this = Unmanaged.passUnretained(self).toOpaque()
    check("ERRORBUFFER", covbot_curl_easy_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer))
    check("URL", covbot_curl_easy_setopt_string(handle, CURLOPT_URL, request.url))
    check("NOSIGNAL", covbot_curl_easy_setopt_long(handle, CURLOPT_NOSIGNAL, 1))
    check("USERAGENT", covbot_curl_easy_setopt_string(handle, CURLOPT_USERAGENT, options.userAgent))
    check("HTTPHEADER", covbot_curl_easy_setopt_slist(handle, CURLOPT_HTTPHEADER, headerList))
    check(
      "CONNECTTIMEOUT_MS",
      covbot_curl_easy_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, Self.milliseconds(options.connectTimeout)))
    check("TIMEOUT_MS", covbot_curl_easy_setopt_long(handle, CURLOPT_TIMEOUT_MS, Self.milliseconds(options.timeout)))
    check("SSL_VERIFYPEER", covbot_curl_easy_setopt_long(handle, CURLOPT_SSL_VERIFYPEER, 1))
    check("SSL_VERIFYHOST", covbot_curl_easy_setopt_long(handle, CURLOPT_SSL_VERIFYHOST, 2))
    if let caBundle = options.caBundle {
      check("CAINFO", covbot_curl_easy_setopt_string(handle, CURLOPT_CAINFO, caBundle))
    }
    if let caDirectory = options.caDirectory {
      check("CAPATH", covbot_curl_easy_setopt_string(handle, CURLOPT_CAPATH, caDirectory))
    }
    // GitHub answers 307 for renamed repositories; libcurl drops our Authorization header if the host changes.
    check("FOLLOWLOCATION", covbot_curl_easy_setopt_long(handle, CURLOPT_FOLLOWLOCATION, 1))
    check("MAXREDIRS", covbot_curl_easy_setopt_long(handle, CURLOPT_MAXREDIRS, 5))
    check("POSTREDIR", covbot_curl_easy_setopt_long(handle, CURLOPT_POSTREDIR, covbot_curl_redir_post_all()))
    check("ACCEPT_ENCODING", covbot_curl_easy_setopt_string(handle, CURLOPT_ACCEPT_ENCODING, ""))
    check("WRITEFUNCTION", covbot_curl_easy_setopt_write_callback(handle, CURLOPT_WRITEFUNCTION, Self.onBody))
    check("WRITEDATA", covbot_curl_easy_setopt_pointer(handle, CURLOPT_WRITEDATA, this))
    check("HEADERFUNCTION", covbot_curl_easy_setopt_header_callback(handle, Self.onHeader))
    check("HEADERDATA", covbot_curl_easy_setopt_header_data(handle, this))
    check("NOPROGRESS", covbot_curl_easy_setopt_long(handle, CURLOPT_NOPROGRESS, 0))
    check("XFERINFOFUNCTION", covbot_curl_easy_setopt_xferinfo_callback(handle, Self.onProgress))
    check("XFERINFODATA", covbot_curl_easy_setopt_xferinfo_data(handle, this))

    switch request.method {
    case .get:
      check("HTTPGET", covbot_curl_easy_setopt_long(handle, CURLOPT_HTTPGET, 1))
    case .post:
      check("POST", covbot_curl_easy_setopt_long(handle, CURLOPT_POST, 1))
    case .patch, .put, .delete:
      check("CUSTOMREQUEST", covbot_curl_easy_setopt_string(handle, CURLOPT_CUSTOMREQUEST, request.method.rawValue))
    }
    if request.method != .get {
      let body = request.body ?? Data()
      check(
        "POSTFIELDSIZE_LARGE",
        covbot_curl_easy_setopt_off_t(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count)))
      // COPYPOSTFIELDS copies the bytes, so nothing has to outlive this call.
      let code = body.withUnsafeBytes { raw in
        guard let base = raw.baseAddress else {
          return covbot_curl_easy_setopt_string(handle, CURLOPT_COPYPOSTFIELDS, "")
        }
        return covbot_curl_easy_setopt_pointer(handle, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: base))
      }
      check("COPYPOSTFIELDS", code)
    }
    guard let failure else { return nil }
    return TransportError(
      kind: .setup, code: Int(failure.code.rawValue),
      message: "setting CURLOPT_\(failure.option) failed: \(String(cString: curl_easy_strerror(failure.code)))",
      requestSent: false)
  }

  fileprivate func receiveBody(_ bytes: UnsafeRawBufferPointer) -> Bool {
    guard body.count + bytes.count <= Self.maxBodyBytes else {
      bodyTooLarge = true
      return false
    }
    body.append(contentsOf: bytes)
    return true
  }

  fileprivate func receiveHeader(_ bytes: UnsafeRawBufferPointer) {
    headers.receive(line: bytes)
  }

  fileprivate var isCancelled: Bool { flag.isCancelled }

  private static func milliseconds(_ duration: Duration) -> Int {
    let (seconds, attoseconds) = duration.components
    return max(1, Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000))
  }

  private static func kind(of code: CURLcode, cancelled: Bool, bodyTooLarge: Bool) -> TransportError.Kind {
    if code == CURLE_ABORTED_BY_CALLBACK || cancelled { return .cancelled }
    if bodyTooLarge { return .transfer }
    switch code {
    case CURLE_OPERATION_TIMEDOUT: return .timeout
    case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY, CURLE_COULDNT_CONNECT: return .connect
    case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CACERT_BADFILE, CURLE_SSL_CERTPROBLEM,
      CURLE_SSL_CIPHER, CURLE_SSL_ISSUER_ERROR, CURLE_SSL_PINNEDPUBKEYNOTMATCH:
      return .tls
    case CURLE_UNSUPPORTED_PROTOCOL, CURLE_URL_MALFORMAT, CURLE_NOT_BUILT_IN, CURLE_UNKNOWN_OPTION,
      CURLE_BAD_FUNCTION_ARGUMENT, CURLE_OUT_OF_MEMORY:
      return .setup
    default: return .transfer
    }
  }

  private static let onBody: curl_write_callback = { buffer, size, count, userdata in
    let length = size * count
    guard let userdata else { return 0 }
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(userdata).takeUnretainedValue()
    guard let buffer else { return length }
    // Returning anything but `length` aborts the transfer (CURLE_WRITE_ERROR).
    return transfer.receiveBody(UnsafeRawBufferPointer(start: buffer, count: length)) ? length : 0
  }

  private static let onHeader: curl_write_callback = { buffer, size, count, userdata in
    let length = size * count
    guard let userdata, let buffer else { return length }
    Unmanaged<CurlTransfer>.fromOpaque(userdata).takeUnretainedValue()
      .receiveHeader(UnsafeRawBufferPointer(start: buffer, count: length))
    return length
  }

  private static let onProgress: curl_xferinfo_callback = { userdata, _, _, _, _ in
    guard let userdata else { return 0 }
    // A non-zero return aborts the transfer with CURLE_ABORTED_BY_CALLBACK.
    return Unmanaged<CurlTransfer>.fromOpaque(userdata).takeUnretainedValue().isCancelled ? 1 : 0
  }
}
