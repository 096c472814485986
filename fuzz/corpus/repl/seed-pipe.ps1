<# a
b #> Write-Output x |

  Write-Output
Write-Output a,
b `
c
