@echo off
rem retort: the Retort command line, from its distribution (bin\, lib\). Needs Java 17 or newer: JAVA_HOME's,
rem else the java on PATH. Options for the JVM go in RETORT_JAVA_OPTS. (No class-data archive here: Windows
rem starts without one.)
setlocal
set "RETORT_HOME=%~dp0.."
set "JAVA_EXE=java"
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "JAVA_EXE=%JAVA_HOME%\bin\java.exe"
set "RETORT_JAR="
for %%f in ("%RETORT_HOME%\lib\retort-cli-*.jar") do set "RETORT_JAR=%%~ff"
if not defined RETORT_JAR (
  echo retort: %RETORT_HOME%\lib\retort-cli-*.jar is missing: this distribution is incomplete. Unpack it again. 1>&2
  exit /b 2
)
"%JAVA_EXE%" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC %RETORT_JAVA_OPTS% -jar "%RETORT_JAR%" %*
exit /b %ERRORLEVEL%
