Write-Output 'abc
def''
'
