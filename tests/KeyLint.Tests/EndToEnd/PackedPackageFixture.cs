using System;
using System.IO;

namespace KeyLint.Tests.EndToEnd
{
    /// <summary>
    /// Packs KeyLint once into a private feed with a version of its own, so no package cache can
    /// serve an older build, and writes a consumer project that references it the way users do.
    /// </summary>
    public sealed class PackedPackageFixture : IDisposable
    {
        public PackedPackageFixture()
        {
            RepositoryRoot = Analyzers.SampleKeysTests.RepositoryRoot();
            Root = Path.Combine(Path.GetTempPath(), "keylint-package-" + Guid.NewGuid().ToString("N"));
            Feed = Path.Combine(Root, "feed");
            Version = "0.1.0-e2e." + DateTime.UtcNow.ToString("yyyyMMddHHmmss");
            Directory.CreateDirectory(Feed);

            (int exit, string output) = ProcessRunner.Run(
                "dotnet",
                $"pack \"{Path.Combine(RepositoryRoot, "src", "KeyLint.Package", "KeyLint.Package.csproj")}\" -c Release -o \"{Feed}\" -p:Version={Version}",
                RepositoryRoot,
                TimeSpan.FromMinutes(5));
            if (exit != 0)
            {
                throw new InvalidOperationException("dotnet pack failed:\n" + output);
            }

            PackagePath = Path.Combine(Feed, $"KeyLint.{Version}.nupkg");
            File.WriteAllText(Path.Combine(Root, "nuget.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <clear />
                    <add key="keylint-under-test" value="{Feed}" />
                    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
                  </packageSources>
                </configuration>
                """);
        }

        public string RepositoryRoot { get; }

        public string Root { get; }

        public string Feed { get; }

        public string Version { get; }

        public string PackagePath { get; }

        /// <summary>A fresh consumer project (outside the repository) that references the packed KeyLint.</summary>
        public string CreateConsumer(string name, string programSource, string? appSettings)
        {
            string directory = Path.Combine(Root, name);
            Directory.CreateDirectory(directory);
            File.WriteAllText(Path.Combine(directory, name + ".csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <RestorePackagesPath>{Path.Combine(Root, "packages")}</RestorePackagesPath>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="KeyLint" Version="{Version}" PrivateAssets="all" />
                  </ItemGroup>
                </Project>
                """);
            File.WriteAllText(Path.Combine(directory, "Program.cs"), programSource);
            if (appSettings is not null)
            {
                File.WriteAllText(Path.Combine(directory, "appsettings.json"), appSettings);
            }

            return directory;
        }

        /// <summary>
        /// A fresh project of any shape that references the packed KeyLint: <paramref name="items"/> are
        /// more items for the project file (package references), <paramref name="files"/> its files by
        /// relative path.
        /// </summary>
        public string CreateProject(string name, string items, params (string Path, string Text)[] files)
            => CreateProject(name, "Microsoft.NET.Sdk", items, files);

        /// <summary>As <see cref="CreateProject(string, string, (string, string)[])"/>, with another SDK (<c>Microsoft.NET.Sdk.Web</c>, <c>.Razor</c>).</summary>
        public string CreateProject(string name, string sdk, string items, params (string Path, string Text)[] files)
        {
            string directory = Path.Combine(Root, name);
            Directory.CreateDirectory(directory);
            File.WriteAllText(Path.Combine(directory, name + ".csproj"), $"""
                <Project Sdk="{sdk}">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <RestorePackagesPath>{Path.Combine(Root, "packages")}</RestorePackagesPath>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="KeyLint" Version="{Version}" PrivateAssets="all" />
                    {items}
                  </ItemGroup>
                </Project>
                """);
            foreach ((string path, string text) in files)
            {
                string full = Path.Combine(directory, path);
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                File.WriteAllText(full, text);
            }

            return directory;
        }

        public void Dispose()
        {
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
                // A build server may still hold a file; the temp folder is cleaned by the OS.
            }
        }
    }
}
