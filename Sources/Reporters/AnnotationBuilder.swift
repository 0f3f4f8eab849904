import CovEngine

/// Turns results into annotations, most important first.
public enum AnnotationBuilder {
  /// One annotation per package needing attention (build-fail, test-fail, fail, loose), most important first.
  ///
  /// `pathPrefix` is the module root relative to the repository root (`""` when they are the same).
  public static func annotations(for results: CovResults, pathPrefix: String = "") -> [ReportAnnotation] {
    []  // TODO(reporters): implement
  }
}
