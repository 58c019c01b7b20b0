// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "csat",
  products: [
    .executable(name: "csat", targets: ["csat"]),
    .library(name: "CSATKit", targets: ["CSATKit"]),
  ],
  targets: [
    .systemLibrary(
      name: "CLibEdit",
      pkgConfig: "libedit",
      providers: [.apt(["libedit-dev"])]
    ),
    .target(
      name: "CSATKit",
      swiftSettings: [.unsafeFlags(["-Ounchecked"], .when(configuration: .release))],
      linkerSettings: [.linkedLibrary("m")]
    ),
    .executableTarget(
      name: "csat",
      dependencies: ["CSATKit", "CLibEdit"]
    ),
    .testTarget(
      name: "CSATKitTests",
      dependencies: ["CSATKit"]
    ),
  ]
)
