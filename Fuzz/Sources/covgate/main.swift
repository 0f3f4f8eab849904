import CovEngine
import FuzzSupport

/// `.covgate` floor files: a parsed floor lies within 0–100 and survives being written back.
runFuzzer { data in
  guard let file = try? FloorFile.parse(String(decoding: data, as: UTF8.self), path: ".covgate") else { return }
  let zero = Percent(units: 0, scale: 0)
  let hundred = Percent(units: 100, scale: 0)
  oracle(file.floor >= zero && file.floor <= hundred, "floor \(file.floor) outside 0–100")
  oracle(Percent("\(file.floor)") == file.floor, "floor \(file.floor) does not read back from its text")
  // The ratchet rewrites the first line and keeps the rest: the result must read as the same floor.
  let rendered = file.rendered(with: file.floor)
  guard let again = try? FloorFile.parse(rendered, path: ".covgate") else {
    fatalError("oracle: the rendered floor file does not parse: \(rendered.debugDescription)")
  }
  oracle(again.floor == file.floor, "floor \(file.floor) re-read as \(again.floor)")
  oracle(again.rest == file.rest, "the rest of the file changed")
}
