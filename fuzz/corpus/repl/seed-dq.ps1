Write-Output "a
`"b $x $ `u{41}
""c"
