using System.Runtime.Versioning;

// The referenced bicep package is the linux-x64 build, and the hook under test is a POSIX shell script.
[assembly: SupportedOSPlatform("linux")]
